import { getDb } from '@/db/client';
import { eventIdOf } from '@/db/queries/badges/issuers';
import { awardsOfIssuer } from '@/db/queries/badges/pages';
import { ensureEventIssuer } from './ensure-event-issuer';
import { mayManageIssuer } from './may-manage-issuer';

/** Requests waiting for a decision, and issued badges, of an event (its organizers and moderators). */
export async function eventBadgeAdmin(userId: string, eventSlug: string) {
  const db = await getDb();
  const eventId = await eventIdOf(db, eventSlug);
  if (!eventId) return null;
  const issuer = await ensureEventIssuer(eventId);
  if (!(await mayManageIssuer(userId, issuer))) return null;
  const rows = await awardsOfIssuer(db, issuer.id);
  // Decided badges oldest first: the award job issues new ones every minute, and they come at the end
  // of the list, so a row never moves under an organizer's finger between two loads (issue 34).
  return { pending: rows.filter((r) => r.status === 'requested'), decided: rows.filter((r) => r.status !== 'requested').reverse() };
}

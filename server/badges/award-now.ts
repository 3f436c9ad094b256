import { getDb } from '@/db/client';
import { eventIdOf } from '@/db/queries/badges/issuers';
import type { BadgeRefusal } from '@/lib/domain/badges';
import { awardFromRecords } from './award-from-records';
import { ensureEventIssuer } from './ensure-event-issuer';
import { mayManageIssuer } from './may-manage-issuer';

/** "Award now" on the organizer page: the award job for one event, for its managers only. */
export async function awardNow(userId: string, eventSlug: string): Promise<{ ok: true; issued: number } | BadgeRefusal> {
  const eventId = await eventIdOf(await getDb(), eventSlug);
  if (!eventId) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, await ensureEventIssuer(eventId)))) return { ok: false, code: 'forbidden' };
  return { ok: true, issued: await awardFromRecords({ eventId }) };
}

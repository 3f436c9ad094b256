import { getDb } from '@/db/client';
import { eventSlugAndTitle, type IssuerRow, issuerOfEvent, issuerSlugTaken, type Q } from '@/db/queries/badges/issuers';
import { eventIssuerSlug } from '@/lib/badges/issuers';
import { createIssuer } from './create-issuer';

/** An event's issuer (slug: the event's), made on first use. */
export async function ensureEventIssuer(eventId: string, q?: Q): Promise<IssuerRow> {
  const db = q ?? (await getDb());
  const found = await issuerOfEvent(db, eventId);
  if (found) return found;
  const event = await eventSlugAndTitle(db, eventId);
  if (!event) throw new Error(`No event ${eventId}`);
  const taken = await issuerSlugTaken(db, event.slug);
  await createIssuer(db, { slug: eventIssuerSlug(event.slug, eventId, taken), name: event.title, eventId });
  return (await issuerOfEvent(db, eventId))!;
}

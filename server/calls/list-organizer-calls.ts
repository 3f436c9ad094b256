import { getDb } from '@/db/client';
import { callsOfEventId, committeeWithEmails } from '@/db/queries/calls/calls';
import { organizedEvent } from '@/db/queries/organizer';

/** The calls of an event for its organizers (with committee e-mails, for the edit form); null: not theirs. */
export async function organizerCalls(actorId: string, eventSlug: string) {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) return null;
  const db = await getDb();
  const list = await callsOfEventId(db, event.id);
  const committee = list.length ? await committeeWithEmails(db, list.map((c) => c.id)) : [];
  return list.map((c) => ({ ...c, committee: committee.filter((m) => m.callId === c.id).map(({ name, email }) => ({ name, email })) }));
}

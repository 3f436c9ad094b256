import { getDb } from '@/db/client';
import { callsOfEventId, eventIdOfSlug } from '@/db/queries/calls/calls';
import type { CallSummary } from '@/lib/domain/calls';
import { summaries } from './read-models';

/** Public: the calls of an event (null: no such event). */
export async function callsOfEvent(eventSlug: string, now = new Date()): Promise<CallSummary[] | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const event = await eventIdOfSlug(tx, eventSlug);
    if (!event) return null;
    return summaries(tx, await callsOfEventId(tx, event.id), now);
  });
}

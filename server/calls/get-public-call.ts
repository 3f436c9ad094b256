import { getDb } from '@/db/client';
import { callBySlug } from '@/db/queries/calls/calls';
import type { CallSummary } from '@/lib/domain/calls';
import { summaries } from './read-models';

/** Public: one call with its committee, criteria, dates and counts per status (null: unknown). */
export async function publicCall(callSlug: string, now = new Date()): Promise<CallSummary | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await callBySlug(tx, callSlug);
    return call ? (await summaries(tx, [call], now))[0]! : null;
  });
}

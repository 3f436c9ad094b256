import { getDb } from '@/db/client';
import { openRoundOf, roundState } from '@/db/queries/breakouts/rounds';
import type { BreakoutRound } from '@/lib/realtime/protocol';

/** The session's open round with its groups and members (the moderators' view), or null. */
export async function getOpenRound(sessionId: string): Promise<BreakoutRound | null> {
  const db = await getDb();
  const round = await openRoundOf(db, sessionId);
  return round ? roundState(db, round) : null;
}

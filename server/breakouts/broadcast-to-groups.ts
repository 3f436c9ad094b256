import { getDb } from '@/db/client';
import { insertBroadcast, openRoundOf, recentBroadcasts } from '@/db/queries/breakouts/rounds';
import type { SessionAccess } from '@/db/queries/live';
import { DomainError } from '@/lib/errors';
import { LIMITS, type BreakoutMessage } from '@/lib/realtime/protocol';
import { assertBreakoutModerator } from './access';

/**
 * A moderator's message to every group of the open round, kept with the round; rate-limited like
 * the chat (`LIMITS.rateCount` every `LIMITS.rateWindowMs`, per person, across processes).
 */
export async function broadcastToGroups(a: SessionAccess, authorName: string, text: string): Promise<BreakoutMessage> {
  const authorKey = assertBreakoutModerator(a);
  const db = await getDb();
  const round = await openRoundOf(db, a.session.id);
  if (!round) throw new DomainError(409, 'closed', 'No breakout groups are running in this session.');
  const seconds = LIMITS.rateWindowMs / 1000;
  const row = await db.transaction(async (tx) => {
    if ((await recentBroadcasts(tx, round.id, authorKey, seconds)) >= LIMITS.rateCount) {
      throw new DomainError(409, 'rate_limited', `Slow down: at most ${LIMITS.rateCount} messages every ${seconds} seconds.`);
    }
    return insertBroadcast(tx, { roundId: round.id, authorKey, authorName, body: text });
  });
  return { sessionId: a.session.id, roundId: round.id, text: row.body, authorName: row.authorName, at: row.createdAt.toISOString() };
}

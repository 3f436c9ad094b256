import { getDb } from '@/db/client';
import { endRound, openRoundOf, type RoundRow } from '@/db/queries/breakouts/rounds';
import type { SessionAccess } from '@/db/queries/live';
import { DomainError } from '@/lib/errors';
import { assertBreakoutModerator } from './access';

/** A moderator calls everyone back: the open round ends now (`closed` when none is open). */
export async function endBreakout(a: SessionAccess): Promise<RoundRow> {
  const by = assertBreakoutModerator(a);
  const db = await getDb();
  const round = await openRoundOf(db, a.session.id);
  const ended = round ? await endRound(db, round.id, by) : undefined;
  if (!ended) throw new DomainError(409, 'closed', 'No breakout groups are running in this session.');
  return ended;
}

/**
 * The timer: end the round if it is still open. Exactly one caller gets the row back (a
 * conditional update), whichever process's timer fires first; the others get undefined.
 */
export async function endBreakoutOnTime(roundId: string): Promise<RoundRow | undefined> {
  return endRound(await getDb(), roundId, null);
}

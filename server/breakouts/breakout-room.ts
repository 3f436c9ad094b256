import { getDb } from '@/db/client';
import { groupOfMember, groupsOfRound, openRoundOf } from '@/db/queries/breakouts/rounds';
import type { SessionAccess } from '@/db/queries/live';
import { DomainError } from '@/lib/errors';

export type BreakoutRoom = { room: string; group: { id: string; name: string } };

/**
 * The group room a person's video token is for during a round: their own group's; a moderator
 * may visit any group (`groupId`). Null: the session's main room (no round, a moderator not
 * visiting, someone not in a group). Asking for a group that is not one's own is `forbidden`.
 */
export async function breakoutRoomFor(a: SessionAccess, groupId?: string): Promise<BreakoutRoom | null> {
  const db = await getDb();
  const round = await openRoundOf(db, a.session.id);
  if (!round) {
    if (groupId) throw new DomainError(409, 'closed', 'No breakout groups are running in this session.');
    return null;
  }
  const asRoom = (g: { id: string; name: string; livekitRoom: string }) => ({ room: g.livekitRoom, group: { id: g.id, name: g.name } });
  if (groupId && a.isModerator) {
    const g = (await groupsOfRound(db, round.id)).find((x) => x.id === groupId);
    if (!g) throw new DomainError(404, 'not_found', 'No such group in this round.');
    return asRoom(g);
  }
  const mine = a.actorKey ? await groupOfMember(db, round.id, a.actorKey) : undefined;
  if (groupId && mine?.id !== groupId) throw new DomainError(403, 'forbidden', 'You may only join your own group.');
  return mine ? asRoom(mine) : null;
}

import { getDb } from '@/db/client';
import { insertGroups, insertRound, placeMembers, roundState } from '@/db/queries/breakouts/rounds';
import type { SessionAccess } from '@/db/queries/live';
import { config } from '@/lib/config';
import { type BreakoutAssign, groupName, groupRoomOf, modeOf, splitAssigned, splitEvenly } from '@/lib/domain/breakouts';
import { DomainError } from '@/lib/errors';
import type { BreakoutRound } from '@/lib/realtime/protocol';
import { assertBreakoutModerator, assertLive } from './access';

export type Person = { actorKey: string; name: string };

/**
 * A moderator splits the people in the live room (`people`, moderators left out by the caller)
 * into `groups` groups for `minutes`: at random, by choice (nobody placed yet), or as assigned.
 * One open round per session (`conflict` otherwise). Round, groups and members in one transaction.
 */
export async function startBreakout(
  a: SessionAccess,
  input: { groups: number; minutes: number; assign?: BreakoutAssign },
  people: readonly Person[],
  now = new Date(),
): Promise<BreakoutRound> {
  const startedBy = assertBreakoutModerator(a);
  assertLive(a, now);
  const sessionId = a.session.id;
  const mode = modeOf(input.assign);
  const keys = people.map((p) => p.actorKey);
  const split =
    mode === 'choice' ? new Map<string, number>() : mode === 'random' ? splitEvenly(keys, input.groups) : splitAssigned(keys, input.groups, input.assign as Record<string, number>);
  const names = new Map(people.map((p) => [p.actorKey, p.name]));
  const endsAt = new Date(now.getTime() + input.minutes * config().BREAKOUT_MINUTE_SECONDS * 1000);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const round = await insertRound(tx, { sessionId, minutes: input.minutes, assign: mode, startedBy, endsAt });
    if (!round) throw new DomainError(409, 'conflict', 'Breakout groups are already running in this session: call everyone back first.');
    const groups = await insertGroups(
      tx,
      Array.from({ length: input.groups }, (_, i) => ({
        roundId: round.id,
        sessionId,
        name: groupName(i + 1),
        position: i + 1,
        livekitRoom: groupRoomOf(sessionId, i + 1),
      })),
    );
    await placeMembers(
      tx,
      round.id,
      [...split].map(([actorKey, g]) => ({ actorKey, groupId: groups[g]!.id, name: names.get(actorKey) ?? actorKey })),
    );
    return roundState(tx, round);
  });
}

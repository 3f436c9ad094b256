import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { breakoutGroups, breakoutMembers, breakoutMessages, breakoutRounds } from '../../schema';
import type { BreakoutGroup, BreakoutRound } from '@/lib/realtime/protocol';

// Breakout groups (issue 31): rounds, their groups, who was in which, moderators' broadcasts.
// Queries only: the rules are in server/breakouts/ and lib/domain/breakouts.ts.

type Q = Db | Tx;
export type RoundRow = typeof breakoutRounds.$inferSelect;
export type GroupRow = typeof breakoutGroups.$inferSelect;

/** The session's open round, if any. */
export async function openRoundOf(q: Q, sessionId: string): Promise<RoundRow | undefined> {
  const [row] = await q
    .select()
    .from(breakoutRounds)
    .where(and(eq(breakoutRounds.sessionId, sessionId), isNull(breakoutRounds.endedAt)));
  return row;
}

/** A new open round, or undefined when the session has one already (its partial unique index). */
export async function insertRound(q: Q, values: Omit<typeof breakoutRounds.$inferInsert, 'id' | 'startedAt' | 'endedAt' | 'endedBy'>) {
  const [row] = await q.insert(breakoutRounds).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertGroups(q: Q, values: Omit<typeof breakoutGroups.$inferInsert, 'id'>[]): Promise<GroupRow[]> {
  return q.insert(breakoutGroups).values(values).returning();
}

export async function groupsOfRound(q: Q, roundId: string): Promise<GroupRow[]> {
  return q.select().from(breakoutGroups).where(eq(breakoutGroups.roundId, roundId)).orderBy(asc(breakoutGroups.position));
}

/** Put people in groups: one group per person and round (a second placement moves them). */
export async function placeMembers(q: Q, roundId: string, members: { groupId: string; actorKey: string; name: string }[]): Promise<void> {
  if (!members.length) return;
  await q
    .insert(breakoutMembers)
    .values(members.map((m) => ({ ...m, roundId })))
    .onConflictDoUpdate({
      target: [breakoutMembers.roundId, breakoutMembers.actorKey],
      set: { groupId: sql`excluded.group_id`, name: sql`excluded.name`, joinedAt: sql`now()` },
    });
}

/** The group a person is in, in a round. */
export async function groupOfMember(q: Q, roundId: string, actorKey: string): Promise<GroupRow | undefined> {
  const [row] = await q
    .select({ group: breakoutGroups })
    .from(breakoutMembers)
    .innerJoin(breakoutGroups, eq(breakoutGroups.id, breakoutMembers.groupId))
    .where(and(eq(breakoutMembers.roundId, roundId), eq(breakoutMembers.actorKey, actorKey)));
  return row?.group;
}

/** How many people each group has (by position order), under a lock on the round so that late comers spread evenly. */
export async function groupSizesForUpdate(tx: Tx, roundId: string): Promise<number[]> {
  await tx.execute(sql`select 1 from ${breakoutRounds} where ${breakoutRounds.id} = ${roundId} for update`);
  const rows = await tx
    .select({ position: breakoutGroups.position, n: count(breakoutMembers.actorKey) })
    .from(breakoutGroups)
    .leftJoin(breakoutMembers, eq(breakoutMembers.groupId, breakoutGroups.id))
    .where(eq(breakoutGroups.roundId, roundId))
    .groupBy(breakoutGroups.position)
    .orderBy(asc(breakoutGroups.position));
  return rows.map((r) => r.n);
}

/** A round with its groups and their members (the moderators' view). */
export async function roundState(q: Q, round: RoundRow): Promise<BreakoutRound> {
  const groups = await groupsOfRound(q, round.id);
  const members = await q
    .select({ groupId: breakoutMembers.groupId, id: breakoutMembers.actorKey, name: breakoutMembers.name })
    .from(breakoutMembers)
    .where(eq(breakoutMembers.roundId, round.id))
    .orderBy(asc(breakoutMembers.joinedAt), asc(breakoutMembers.name));
  return {
    id: round.id,
    sessionId: round.sessionId,
    minutes: round.minutes,
    mode: round.assign,
    startedAt: round.startedAt.toISOString(),
    endsAt: round.endsAt.toISOString(),
    groups: groups.map(
      (g): BreakoutGroup => ({
        id: g.id,
        name: g.name,
        position: g.position,
        room: g.livekitRoom,
        members: members.filter((m) => m.groupId === g.id).map(({ id, name }) => ({ id, name })),
      }),
    ),
  };
}

/**
 * End a round if it is still open: a conditional update, so that of several processes (or a
 * moderator and the timer) exactly one ends it and announces it. `by`: the moderator's key, null
 * for the timer.
 */
export async function endRound(q: Q, roundId: string, by: string | null): Promise<RoundRow | undefined> {
  const [row] = await q
    .update(breakoutRounds)
    .set({ endedAt: sql`greatest(now(), ${breakoutRounds.startedAt})`, endedBy: by })
    .where(and(eq(breakoutRounds.id, roundId), isNull(breakoutRounds.endedAt)))
    .returning();
  return row;
}

/** Every open round (to re-arm their timers at start-up). */
export async function openRounds(q: Q): Promise<Pick<RoundRow, 'id' | 'sessionId' | 'endsAt'>[]> {
  return q
    .select({ id: breakoutRounds.id, sessionId: breakoutRounds.sessionId, endsAt: breakoutRounds.endsAt })
    .from(breakoutRounds)
    .where(isNull(breakoutRounds.endedAt));
}

/** How many broadcasts a person sent in a round in the last `seconds` (under a per-person lock). */
export async function recentBroadcasts(tx: Tx, roundId: string, authorKey: string, seconds: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`breakout:${roundId}:${authorKey}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(breakoutMessages)
    .where(
      and(
        eq(breakoutMessages.roundId, roundId),
        eq(breakoutMessages.authorKey, authorKey),
        gt(breakoutMessages.createdAt, sql`now() - make_interval(secs => ${seconds})`),
      ),
    );
  return row?.n ?? 0;
}

export async function insertBroadcast(q: Q, values: Omit<typeof breakoutMessages.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await q.insert(breakoutMessages).values(values).returning();
  return row!;
}

/** The groups of every round of a session, oldest round first (the meeting report's sections). */
export async function groupsOfSession(q: Q, sessionId: string) {
  return q
    .select({ id: breakoutGroups.id, name: breakoutGroups.name, position: breakoutGroups.position, roundId: breakoutRounds.id, startedAt: breakoutRounds.startedAt })
    .from(breakoutGroups)
    .innerJoin(breakoutRounds, eq(breakoutRounds.id, breakoutGroups.roundId))
    .where(eq(breakoutGroups.sessionId, sessionId))
    .orderBy(asc(breakoutRounds.startedAt), asc(breakoutGroups.position));
}

import { getDb } from '@/db/client';
import { groupOfMember, groupSizesForUpdate, groupsOfRound, openRoundOf, placeMembers, type RoundRow } from '@/db/queries/breakouts/rounds';
import type { SessionAccess } from '@/db/queries/live';
import { smallestGroup } from '@/lib/domain/breakouts';
import { DomainError } from '@/lib/errors';
import type { BreakoutAssigned, BreakoutView } from '@/lib/realtime/protocol';
import type { Person } from './start-breakout';

const assigned = (round: RoundRow, g: { id: string; name: string }): BreakoutAssigned => ({
  sessionId: round.sessionId,
  groupId: g.id,
  name: g.name,
  endsAt: round.endsAt.toISOString(),
});

/** The session's open round, or `closed`. */
async function openRoundOrRefuse(sessionId: string): Promise<RoundRow> {
  const round = await openRoundOf(await getDb(), sessionId);
  if (!round) throw new DomainError(409, 'closed', 'No breakout groups are running in this session.');
  return round;
}

/** A person chooses their group (rounds by choice only); a second choice moves them. */
export async function chooseGroup(a: SessionAccess, person: Person, groupId: string): Promise<BreakoutAssigned> {
  const round = await openRoundOrRefuse(a.session.id);
  if (round.assign !== 'choice') throw new DomainError(403, 'forbidden', 'In this round, the moderators make the groups.');
  const db = await getDb();
  const group = (await groupsOfRound(db, round.id)).find((g) => g.id === groupId);
  if (!group) throw new DomainError(404, 'not_found', 'No such group in this round.');
  await placeMembers(db, round.id, [{ groupId, actorKey: person.actorKey, name: person.name }]);
  return assigned(round, group);
}

/**
 * The open round as a person sees it. Someone who is not yet in a group, in a round not by choice
 * and who is not a moderator, is put in the smallest group (`placed`: the caller announces it).
 */
export async function syncBreakout(
  a: SessionAccess,
  person: Person | null,
  opts: { moderator: boolean },
): Promise<{ view: BreakoutView; round: RoundRow | undefined; placed: BreakoutAssigned | null }> {
  const sessionId = a.session.id;
  const db = await getDb();
  const round = await openRoundOf(db, sessionId);
  if (!round) return { view: { sessionId, round: null, mine: null }, round, placed: null };
  const groups = await groupsOfRound(db, round.id);
  const refs = groups.map((g) => ({ id: g.id, name: g.name }));
  let mine = person ? await groupOfMember(db, round.id, person.actorKey) : undefined;
  let placed: BreakoutAssigned | null = null;
  if (person && !mine && !opts.moderator && round.assign !== 'choice') {
    mine = await db.transaction(async (tx) => {
      const already = await groupOfMember(tx, round.id, person.actorKey);
      if (already) return already;
      const g = groups[smallestGroup(await groupSizesForUpdate(tx, round.id))]!;
      await placeMembers(tx, round.id, [{ groupId: g.id, actorKey: person.actorKey, name: person.name }]);
      return g;
    });
    placed = assigned(round, mine);
  }
  return {
    view: { sessionId, round: { id: round.id, mode: round.assign, endsAt: round.endsAt.toISOString(), groups: refs }, mine: mine ? { id: mine.id, name: mine.name } : null },
    round,
    placed,
  };
}

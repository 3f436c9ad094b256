import { getDb } from '@/db/client';
import { groupsOfSession } from '@/db/queries/breakouts/rounds';

/**
 * Every breakout group the session had, in the order of the rounds, then of the groups: what the
 * meeting report lists as sections (server/exports/qa.ts `withNotes(…, groups)`). A group of a
 * later round is named with the round's number (« B (2) ») so that every section's name is its own.
 */
export async function listSessionGroups(sessionId: string): Promise<{ id: string; name: string }[]> {
  const groups = await groupsOfSession(await getDb(), sessionId);
  const rounds = [...new Set(groups.map((g) => g.roundId))];
  return groups.map((g) => {
    const round = rounds.indexOf(g.roundId) + 1;
    return { id: g.id, name: round > 1 ? `${g.name} (${round})` : g.name };
  });
}

import { getDb } from '@/db/client';
import { confirmedNamesOf, proposalsOfSessionIds } from '@/db/queries/calls/proposals';
import { proposalPath } from '@/lib/domain/calls';

/**
 * For programme pages: which sessions came from a proposal, by whom (the confirmed facilitators'
 * names, in order; an erased one is empty), and the trail's path (open calls).
 */
export async function proposalsOfSessions(sessionIds: string[]) {
  if (!sessionIds.length) return new Map<string, { by: string[]; path: string | null }>();
  const db = await getDb();
  const rows = await proposalsOfSessionIds(db, sessionIds);
  const names = rows.length ? await confirmedNamesOf(db, rows.map((r) => r.id)) : [];
  return new Map(
    rows.map((r) => [
      r.sessionId!,
      {
        by: names.filter((n) => n.proposalId === r.id).map((n) => n.name),
        path: r.visibility === 'open' ? proposalPath(r.callSlug, r.id) : null,
      },
    ]),
  );
}

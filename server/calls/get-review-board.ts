import { getDb } from '@/db/client';
import { proposalsOfCall, scoresOf } from '@/db/queries/calls/proposals';
import { isOverdue, type Viewer } from '@/lib/domain/calls';
import { committeeMember, requireCall } from './access';
import { summaries } from './read-models';

/** The committee's review board: every proposal with overdue flags and its average score (null: not a member). */
export async function reviewBoard(user: NonNullable<Viewer>, callSlug: string, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await requireCall(tx, callSlug);
    if (!(await committeeMember(tx, call.id, user.id))) return null;
    const list = await proposalsOfCall(tx, call.id);
    const scores = await scoresOf(tx, list.map((p) => p.id));
    const [summary] = await summaries(tx, [call], now);
    return {
      call: summary!,
      proposals: list.map((p) => {
        const s = scores.find((x) => x.proposalId === p.id);
        return {
          id: p.id,
          title: p.title,
          format: p.format,
          status: p.status,
          proposerName: p.proposerName,
          statusChangedAt: p.statusChangedAt,
          overdue: isOverdue(p, call, now),
          averageScore: s?.avg ?? null,
          reviews: s?.n ?? 0,
        };
      }),
    };
  });
}

import { getDb } from '@/db/client';
import { upsertReview } from '@/db/queries/calls/proposals';
import type { Viewer } from '@/lib/domain/calls';
import { lockProposal, requireMember } from './access';

/** A committee member's own score and comment (private to the committee). */
export async function saveReview(user: NonNullable<Viewer>, proposalId: string, r: { score?: number; comment: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { call } = await lockProposal(tx, proposalId);
    await requireMember(tx, call.id, user.id);
    await upsertReview(tx, { proposalId, userId: user.id, score: r.score ?? null, comment: r.comment, updatedAt: new Date() });
  });
}

import { getDb } from '@/db/client';
import { updateProposal } from '@/db/queries/calls/proposals';
import { move, type Viewer } from '@/lib/domain/calls';
import { requireProposer } from './access';
import { recordTransition } from './record-transition';

/** The proposer withdraws their proposal (before a decision); they are told by mail. */
export async function withdrawProposal(user: NonNullable<Viewer>, proposalId: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { p, call } = await requireProposer(tx, proposalId, user.id);
    const status = move(p, 'withdraw');
    await updateProposal(tx, p.id, { status, statusChangedAt: now, updatedAt: now });
    await recordTransition(tx, p, call, { status, by: p.proposerName, actorUserId: user.id, mail: true }, now);
  });
}

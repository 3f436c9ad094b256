import { getDb } from '@/db/client';
import { updateProposal } from '@/db/queries/calls/proposals';
import { byOf, type CommitteeAction, move, needsReason, type Viewer } from '@/lib/domain/calls';
import { DomainError } from '@/lib/errors';
import { lockProposal, requireMember } from './access';
import { draftSession } from './draft-session';
import { recordTransition } from './record-transition';

/**
 * A committee decision: start reviewing, request changes, accept or decline (a reason for each
 * decision). Accepting creates the draft programme session in the same transaction; the proposal
 * row is locked first, so two members accepting at once make one session (the second is refused).
 */
export async function decide(user: NonNullable<Viewer>, proposalId: string, d: { action: Exclude<CommitteeAction, 'schedule'>; reason: string }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { p, call } = await lockProposal(tx, proposalId);
    const member = await requireMember(tx, call.id, user.id);
    const status = move(p, d.action);
    if (needsReason(d.action) && !d.reason.trim()) throw new DomainError(400, 'invalid', 'A decision needs a written reason.', { reason: 'reason_required' });
    const sessionId = d.action === 'accept' ? await draftSession(tx, p, call) : p.sessionId;
    await updateProposal(tx, p.id, { status, statusChangedAt: now, updatedAt: now, sessionId });
    await recordTransition(tx, p, call, { status, by: byOf(call, member), actorUserId: user.id, reason: d.reason.trim() || null, mail: true }, now);
    return { status, sessionId };
  });
}

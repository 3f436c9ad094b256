import { getDb } from '@/db/client';
import { awardInFull, updateAwardIn } from '@/db/queries/badges/awards';
import { type BadgeRefusal, type BadgeStatus, nextStatus } from '@/lib/domain/badges';
import { mayManageIssuer } from './may-manage-issuer';
import { signAward, signerOf } from './signer';
import { takeStatusIndexes } from './take-status-indexes';

/** A moderator or organizer validates (signs and offers) or declines (with a reason) a request. */
export async function decideRequest(
  userId: string,
  input: { awardId: string; decision: 'validate' | 'decline'; reason: string },
): Promise<{ ok: true; status: BadgeStatus } | BadgeRefusal> {
  const db = await getDb();
  const row = await awardInFull(db, input.awardId);
  if (!row) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, row.issuer))) return { ok: false, code: 'forbidden' };
  const to = nextStatus(row.award.status, input.decision);
  if (!to) return { ok: false, code: 'invalid_transition' };
  const decided = { decidedBy: userId, decidedAt: new Date(), decisionReason: input.reason || null };
  if (to === 'declined') {
    const done = await updateAwardIn(db, row.award.id, 'requested', { status: 'declined', ...decided });
    return done ? { ok: true, status: 'declined' } : { ok: false, code: 'invalid_transition' };
  }
  const statusIndex = await takeStatusIndexes(db, row.issuer.id, 1);
  const issuedAt = new Date();
  const credential = await signAward(await signerOf(row.issuer), row.issuer, row.achievement, {
    id: row.award.id,
    email: row.award.recipientEmail,
    evidence: row.award.evidence,
    statusIndex,
    issuedAt,
  });
  const done = await updateAwardIn(db, row.award.id, 'requested', { status: 'offered', credential, statusIndex, issuedAt, ...decided });
  return done ? { ok: true, status: 'offered' } : { ok: false, code: 'invalid_transition' };
}

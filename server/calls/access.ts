import { DomainError } from '@/lib/errors';
import type { Tx } from '@/db/client';
import { userMay } from '@/db/queries/grants';
import { type Call, callById, callBySlug, committeeSeat } from '@/db/queries/calls/calls';
import { lockedProposal } from '@/db/queries/calls/proposals';

// Who may touch a call or a proposal (docs/calls.md): the steps the use cases of server/calls/
// share. The public sees open calls' proposals without personal data, the proposer their own
// private data, the committee everything of its call, scores and comments included.

/** The call of `slug` (else 404 `call_not_found`). */
export async function requireCall(tx: Tx, slug: string): Promise<Call> {
  const call = await callBySlug(tx, slug);
  if (!call) throw new DomainError(404, 'call_not_found', 'No such call for proposals.');
  return call;
}

/** The user's seat on the call's committee when they may review it (`call.review`), else null. */
export async function committeeMember(tx: Tx, callId: string, userId: string | undefined) {
  if (!userId || !(await userMay(userId, 'call.review', { callId }, tx))) return null;
  return (await committeeSeat(tx, callId, userId)) ?? null;
}

/** The user's seat on the committee (else 403). */
export async function requireMember(tx: Tx, callId: string, userId: string) {
  const member = await committeeMember(tx, callId, userId);
  if (!member) throw new DomainError(403, 'forbidden', 'Only the call’s committee decides.');
  return member;
}

/** A well-formed proposal id (else null). */
export const proposalIdOk = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The proposal locked for this transaction, with its call (else 404). */
export async function lockProposal(tx: Tx, proposalId: string) {
  if (!proposalIdOk(proposalId)) throw new DomainError(404, 'not_found', 'No such proposal.');
  const p = await lockedProposal(tx, proposalId);
  if (!p) throw new DomainError(404, 'not_found', 'No such proposal.');
  return { p, call: (await callById(tx, p.callId))! };
}

/** The proposal locked, when the user is its proposer (else 403). */
export async function requireProposer(tx: Tx, proposalId: string, userId: string) {
  const locked = await lockProposal(tx, proposalId);
  if (locked.p.proposerUserId !== userId) throw new DomainError(403, 'forbidden', 'Only its proposer can change a proposal.');
  return locked;
}

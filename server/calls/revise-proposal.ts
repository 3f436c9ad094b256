import { getDb } from '@/db/client';
import { insertRevision, updateProposal } from '@/db/queries/calls/proposals';
import { editable, move, type ProposalInput, proposerFields, requireFormat, requireOpen, type Viewer } from '@/lib/domain/calls';
import { DomainError } from '@/lib/errors';
import { requireProposer } from './access';
import { recordTransition } from './record-transition';
import { writeFacilitators } from './write-facilitators';

/** The proposer edits (a new revision); answering a request for changes sends it back to the committee. */
export async function reviseProposal(user: NonNullable<Viewer>, proposalId: string, input: ProposalInput, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { p, call } = await requireProposer(tx, proposalId, user.id);
    requireOpen(call, now);
    if (!editable(p.status)) throw new DomainError(409, 'invalid_transition', 'A decided proposal can no longer be edited.');
    requireFormat(call, input.format);
    const version = p.version + 1;
    const updated = await updateProposal(tx, p.id, { ...proposerFields(input), version, updatedAt: now });
    await insertRevision(tx, { proposalId: p.id, version, title: input.title, format: input.format, abstract: input.abstract, createdAt: now });
    await writeFacilitators(tx, updated, call, input, { name: p.proposerName, email: p.proposerEmail });
    if (p.status === 'changes_requested') {
      const status = move(p, 'revise');
      await updateProposal(tx, p.id, { status, statusChangedAt: now });
      await recordTransition(tx, updated, call, { status, by: p.proposerName, actorUserId: user.id, reason: null, mail: false }, now);
    }
    return { version };
  });
}

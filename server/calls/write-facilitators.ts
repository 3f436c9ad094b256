import type { Tx } from '@/db/client';
import type { Call } from '@/db/queries/calls/calls';
import { deleteFacilitators, facilitatorsOf, insertFacilitator, type Proposal } from '@/db/queries/calls/proposals';
import type { ProposalInput } from '@/lib/domain/calls';
import { aboutProposal, queueCallMail } from './record-transition';

/**
 * A proposal's facilitators become the proposer (first, confirmed) and the co-facilitators typed;
 * one already there keeps their confirmation, a new one is mailed an invitation to confirm.
 */
export async function writeFacilitators(tx: Tx, p: Proposal, call: Call, input: ProposalInput, proposer: { name: string; email: string }) {
  const existing = await facilitatorsOf(tx, [p.id]);
  const keep = new Map(existing.filter((f) => f.email).map((f) => [f.email!.toLowerCase(), f]));
  await deleteFacilitators(tx, p.id);
  const list = [{ name: proposer.name, organization: input.organization, email: proposer.email }, ...input.facilitators.filter((f) => f.email.toLowerCase() !== proposer.email.toLowerCase())];
  for (const [position, f] of list.entries()) {
    const before = keep.get(f.email.toLowerCase());
    const confirmedAt = position === 0 ? new Date() : (before?.confirmedAt ?? null);
    const row = await insertFacilitator(tx, { proposalId: p.id, name: f.name, organization: f.organization, email: f.email, position, confirmedAt, ...(before ? { confirmToken: before.confirmToken } : {}) });
    if (position > 0 && !before) {
      await queueCallMail(tx, `invite:${row.id}`, {
        template: 'invite',
        ...aboutProposal(p, call, f),
        proposer: proposer.name,
        confirmPath: `/calls/confirm/${row.confirmToken}`,
      });
    }
  }
}

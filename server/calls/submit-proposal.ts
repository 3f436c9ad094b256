import { getDb } from '@/db/client';
import { insertProposal, insertRevision } from '@/db/queries/calls/proposals';
import { type ProposalInput, proposalPath, proposerFields, requireFormat, requireOpen, type Viewer } from '@/lib/domain/calls';
import { requireCall } from './access';
import { queueCallMail, recordTransition } from './record-transition';
import { writeFacilitators } from './write-facilitators';

/** Submit a proposal (signed in, call open): acknowledged by mail at once, co-facilitators invited. */
export async function submitProposal(user: NonNullable<Viewer>, callSlug: string, input: ProposalInput, locale: 'fr' | 'en', now = new Date()): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await requireCall(tx, callSlug);
    requireOpen(call, now);
    requireFormat(call, input.format);
    const name = user.name?.trim() || user.email.split('@')[0]!;
    const p = await insertProposal(tx, {
      callId: call.id,
      ...proposerFields(input),
      proposerUserId: user.id,
      proposerName: name,
      proposerEmail: user.email,
      locale,
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await insertRevision(tx, { proposalId: p.id, version: 1, title: p.title, format: p.format, abstract: p.abstract, createdAt: now });
    await writeFacilitators(tx, p, call, input, { name, email: user.email });
    await recordTransition(tx, p, call, { status: 'submitted', by: name, actorUserId: user.id, mail: false }, now);
    await queueCallMail(tx, `ack:${p.id}`, { template: 'ack', to: user.email, locale, name, call: call.title, title: p.title, path: proposalPath(call.slug, p.id) });
    return p.id;
  });
}

import type { Tx } from '@/db/client';
import type { Call } from '@/db/queries/calls/calls';
import { insertTransition, type Proposal } from '@/db/queries/calls/proposals';
import { enqueue } from '@/db/queries/mail';
import { type ProposalStatus, proposalPath, type TextDiff } from '@/lib/domain/calls';
import type { CallMailPayload } from '@/lib/mail/outbox';

/** Queues one call mail (composed by server/calls/mail.ts when sent), once per `dedupeKey`. */
export async function queueCallMail(tx: Tx, dedupeKey: string, payload: CallMailPayload) {
  await enqueue(tx, 'call_mail', { dedupeKey, payload });
}

/** What every mail about a proposal names: its recipient (in the proposal's language), call, title and page. */
export const aboutProposal = (p: Proposal, call: Call, to: { email: string; name: string }) => ({
  to: to.email,
  locale: p.locale === 'en' ? ('en' as const) : ('fr' as const),
  name: to.name,
  call: call.title,
  title: p.title,
  path: proposalPath(call.slug, p.id),
});

/** One step of a proposal's public trail; `mail`: the proposer is told (who, why, what changed). */
export async function recordTransition(
  tx: Tx,
  p: Proposal,
  call: Call,
  t: { status: ProposalStatus; by: string; actorUserId: string | null; reason?: string | null; diff?: TextDiff[] | null; mail: boolean },
  now: Date,
) {
  const row = await insertTransition(tx, { proposalId: p.id, status: t.status, at: now, by: t.by, actorUserId: t.actorUserId, reason: t.reason || null, diff: t.diff?.length ? t.diff : null });
  if (t.mail) {
    await queueCallMail(tx, `proposal:${row.id}`, {
      template: 'status',
      ...aboutProposal(p, call, { email: p.proposerEmail, name: p.proposerName }),
      status: t.status,
      reason: t.reason || null,
      by: t.by,
      diff: t.diff?.length ? t.diff : null,
    });
  }
}

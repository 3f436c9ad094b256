import { z } from 'zod';
import { DomainError } from '../errors';
import { SLUG_PATTERN } from '../validation';

// Calls for proposals (docs/calls.md): the status timeline of a proposal, who may move it, and
// when it is overdue. Pure rules, and the view types the pages show; the use cases in server/calls/ apply them inside
// their transactions.

export const PROPOSAL_STATUSES = ['submitted', 'under_review', 'changes_requested', 'accepted', 'declined', 'scheduled', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What the committee decides (with a written reason), and what the proposer does. */
export const COMMITTEE_ACTIONS = ['review', 'request_changes', 'accept', 'decline', 'schedule'] as const;
export type CommitteeAction = (typeof COMMITTEE_ACTIONS)[number];
export type ProposerAction = 'revise' | 'withdraw';
export type ProposalAction = CommitteeAction | ProposerAction;

const MOVES: Record<ProposalAction, { from: readonly ProposalStatus[]; to: ProposalStatus }> = {
  review: { from: ['submitted'], to: 'under_review' },
  request_changes: { from: ['submitted', 'under_review'], to: 'changes_requested' },
  accept: { from: ['submitted', 'under_review'], to: 'accepted' },
  decline: { from: ['submitted', 'under_review', 'changes_requested'], to: 'declined' },
  schedule: { from: ['accepted'], to: 'scheduled' },
  // A revision answering a request for changes puts the proposal back in the committee's hands.
  revise: { from: ['changes_requested'], to: 'submitted' },
  withdraw: { from: ['submitted', 'under_review', 'changes_requested'], to: 'withdrawn' },
};

/** The status `action` leads to from `from`, or null when it is not allowed. */
export function nextProposalStatus(from: ProposalStatus, action: ProposalAction): ProposalStatus | null {
  const move = MOVES[action];
  return move.from.includes(from) ? move.to : null;
}

/** Decisions need a written reason (what the proposer and, in an open call, the public read). */
export function needsReason(action: ProposalAction): boolean {
  return action === 'request_changes' || action === 'accept' || action === 'decline';
}

/** Statuses in which the proposer may still edit the text (and the call must not be closed). */
export function editable(status: ProposalStatus): boolean {
  return status === 'submitted' || status === 'under_review' || status === 'changes_requested';
}

/** Statuses waiting for the committee. */
export function waitingForCommittee(status: ProposalStatus): boolean {
  return status === 'submitted' || status === 'under_review';
}

export type CallPhase = 'upcoming' | 'open' | 'closed';

export function callPhase(call: { opensAt: Date; closesAt: Date }, now: Date): CallPhase {
  if (now < call.opensAt) return 'upcoming';
  return now < call.closesAt ? 'open' : 'closed';
}

const DAY = 86_400_000;

/**
 * Overdue: waiting for the committee past the call's answer date, or left `staleDays` days
 * without any status change. A decision (or a request for changes) clears it.
 */
export function isOverdue(
  p: { status: ProposalStatus; statusChangedAt: Date },
  call: { answerBy: Date; staleDays: number },
  now: Date,
): boolean {
  if (!waitingForCommittee(p.status)) return false;
  return now > call.answerBy || now.getTime() - p.statusChangedAt.getTime() > call.staleDays * DAY;
}

/** How many proposals wait for the committee, and for how many whole days the oldest has waited. */
export function waiting(list: { status: ProposalStatus; statusChangedAt: Date }[], now: Date): { count: number; oldestDays: number } {
  const w = list.filter((p) => waitingForCommittee(p.status));
  const oldest = w.reduce((min, p) => Math.min(min, p.statusChangedAt.getTime()), now.getTime());
  return { count: w.length, oldestDays: Math.max(0, Math.floor((now.getTime() - oldest) / DAY)) };
}

export type TextDiff = { field: 'title' | 'abstract'; before: string; after: string };

/** What scheduling changed in the proposer's text (shown in the timeline, mailed to the proposer). */
export function textDiff(before: { title: string; abstract: string }, after: { title: string; abstract: string }): TextDiff[] {
  return (['title', 'abstract'] as const).filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The programme kind of a proposal's format (free text chosen by the call). */
export function sessionKindOf(format: string): 'workshop' | 'round_table' | 'short_talk' | 'session' {
  const f = format.toLowerCase();
  if (/atelier|workshop/.test(f)) return 'workshop';
  if (/table|panel/.test(f)) return 'round_table';
  if (/court|short|lightning|éclair/.test(f)) return 'short_talk';
  return 'session';
}

/** Who reads or writes (signed in, or null). */
export type Viewer = { id: string; name: string | null; email: string } | null;

/** A proposal's page (its public trail). */
export const proposalPath = (callSlug: string, proposalId: string) => `/calls/${callSlug}/proposals/${proposalId}`;

/** A writable call: open now (else 409 `call_not_open` / `call_closed`). */
export function requireOpen(call: { opensAt: Date; closesAt: Date }, now: Date) {
  const phase = callPhase(call, now);
  if (phase === 'upcoming') throw new DomainError(409, 'call_not_open', 'This call is not open yet.');
  if (phase === 'closed') throw new DomainError(409, 'call_closed', 'This call is closed: proposals can no longer be sent or edited.');
}

/** A format the call offers (else 400 on the `format` field). */
export function requireFormat(call: { formats: string[] }, format: string) {
  if (!call.formats.includes(format)) throw new DomainError(400, 'invalid', 'This call does not offer this format.', { format: 'not_offered' });
}

/** The status `action` leads to from `p`'s (else 409 `invalid_transition`). */
export function move(p: { status: ProposalStatus }, action: ProposalAction): ProposalStatus {
  const to = nextProposalStatus(p.status, action);
  if (!to) throw new DomainError(409, 'invalid_transition', `A proposal “${p.status}” cannot be moved by “${action}”.`);
  return to;
}

/** Who signs a committee decision: the deciding member (named decisions) or the committee. */
export const byOf = (call: { namedDecisions: boolean; committeeName: string }, member: { name: string }) => (call.namedDecisions ? member.name : call.committeeName);

// ---------------------------------------------------------------- view types (what the pages show)

export type StatusCounts = Record<ProposalStatus, number>;

/** A call as anyone sees it: dates, phase, committee names, criteria and counts per status. */
export type CallSummary = {
  slug: string;
  title: string;
  description: string;
  event: { slug: string; title: string; timeZone: string };
  visibility: 'open' | 'closed';
  phase: CallPhase;
  opensAt: Date;
  closesAt: Date;
  answerBy: Date;
  formats: string[];
  slots: number;
  questions: string[];
  criteria: string;
  committee: { name: string; members: string[]; namedDecisions: boolean };
  staleDays: number;
  total: number;
  counts: StatusCounts;
  waiting: { count: number; oldestDays: number };
  overdue: number;
};

/** A proposal's public shape: no e-mail, no needs, no score or comment. */
export type PublicProposal = {
  id: string;
  title: string;
  format: string;
  abstract: string;
  facilitators: { name: string; organization: string | null }[];
  status: ProposalStatus;
  statusHistory: { status: ProposalStatus; at: Date; by: string; reason?: string; diff?: TextDiff[] }[];
  overdue: boolean;
  submittedAt: Date;
  url: string;
  sessionUrl?: string;
};

// ---------------------------------------------------------------- inputs (forms of the pages)

const line = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const facilitatorInput = z.object({
  name: line(120),
  organization: z.string().trim().max(160).optional().transform((v) => v || null),
  email: z.email().max(254),
});

export const proposalInput = z.object({
  title: line(200),
  format: line(60),
  abstract: line(5000),
  needs: z.string().trim().max(2000).default(''),
  preferredDays: z.array(day).max(14).default([]),
  answers: z.array(z.string().trim().max(2000)).max(20).default([]),
  /** Co-facilitators (the proposer is the first facilitator). */
  facilitators: z.array(facilitatorInput).max(8).default([]),
  organization: z.string().trim().max(160).optional().transform((v) => v || null),
});
export type ProposalInput = z.output<typeof proposalInput>;

/** What the proposer writes of a proposal (stored on it as typed). */
export const proposerFields = (input: ProposalInput) => ({
  title: input.title,
  format: input.format,
  abstract: input.abstract,
  needs: input.needs,
  preferredDays: input.preferredDays,
  answers: input.answers,
});

export const callInput = z
  .object({
    slug: z.string().trim().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes').max(80),
    title: line(200),
    description: z.string().trim().max(5000).default(''),
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
    answerBy: z.coerce.date(),
    formats: z.array(line(60)).min(1).max(12),
    slots: z.coerce.number().int().min(0).max(1000),
    questions: z.array(line(500)).max(20).default([]),
    criteria: z.string().trim().max(5000).default(''),
    visibility: z.enum(['open', 'closed']).default('open'),
    committeeName: line(120),
    namedDecisions: z.boolean().default(false),
    staleDays: z.coerce.number().int().min(1).max(365).default(21),
    /** Committee members by e-mail (they sign in with it). */
    committee: z.array(z.object({ email: z.email().max(254), name: line(120) })).min(1).max(30),
  })
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'], message: 'the call must close after it opens', params: { code: 'closes_before_opens' } })
  .refine((c) => c.answerBy >= c.closesAt, { path: ['answerBy'], message: 'answers come after the call closes', params: { code: 'answer_before_close' } });
export type CallInput = z.output<typeof callInput>;

export const decisionInput = z.object({
  action: z.enum(['review', 'request_changes', 'accept', 'decline']),
  reason: z.string().trim().max(2000).default(''),
});

export const scheduleInput = z
  .object({
    title: line(200),
    abstract: line(5000),
    day,
    start: z.string().regex(/^\d{2}:\d{2}$/),
    end: z.string().regex(/^\d{2}:\d{2}$/),
    room: z.string().trim().max(80).optional().transform((v) => v || null),
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((s) => s.end > s.start, { path: ['end'], message: 'a session cannot end before it starts', params: { code: 'end_before_start' } });

export const reviewInput = z.object({
  score: z.coerce.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(5000).default(''),
});

/** Split a textarea into its non-empty lines (formats, questions, committee). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

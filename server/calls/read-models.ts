import type { Tx } from '@/db/client';
import { type Call, committeeNames, eventsByIds } from '@/db/queries/calls/calls';
import { facilitatorsOf, type Proposal, statusesOfCalls, timelinesOf } from '@/db/queries/calls/proposals';
import { publishedSessions } from '@/db/queries/calls/sessions';
import { type CallSummary, callPhase, isOverdue, PROPOSAL_STATUSES, proposalPath, type PublicProposal, type StatusCounts, waiting } from '@/lib/domain/calls';

// What the pages and the API show of calls and proposals (the view types of lib/domain/calls.ts).

/** The calls' public summaries: dates, phase, committee, counts per status, waiting and overdue. */
export async function summaries(tx: Tx, list: Call[], now: Date): Promise<CallSummary[]> {
  if (!list.length) return [];
  const ids = list.map((c) => c.id);
  const [rows, committee] = await Promise.all([statusesOfCalls(tx, ids), committeeNames(tx, ids)]);
  const [eventRows] = await Promise.all([eventsByIds(tx, list.map((c) => c.eventId))]);
  return list.map((c) => {
    const mine = rows.filter((r) => r.callId === c.id);
    const counts = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, mine.filter((r) => r.status === s).length])) as StatusCounts;
    const event = eventRows.find((e) => e.id === c.eventId)!;
    return {
      slug: c.slug,
      title: c.title,
      description: c.description,
      event: { slug: event.slug, title: event.title, timeZone: event.timeZone },
      visibility: c.visibility,
      phase: callPhase(c, now),
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      answerBy: c.answerBy,
      formats: c.formats,
      slots: c.slots,
      questions: c.questions,
      criteria: c.criteria,
      committee: { name: c.committeeName, members: committee.filter((m) => m.callId === c.id).map((m) => m.name), namedDecisions: c.namedDecisions },
      staleDays: c.staleDays,
      total: mine.length,
      counts,
      waiting: waiting(mine, now),
      overdue: mine.filter((p) => isOverdue(p, c, now)).length,
    };
  });
}

/** The public addresses of the proposals' sessions, once published (a draft has none yet). */
async function sessionUrls(tx: Tx, list: Proposal[], base: string) {
  const ids = list.map((p) => p.sessionId).filter((x): x is string => Boolean(x));
  if (!ids.length) return new Map<string, string>();
  const rows = await publishedSessions(tx, ids);
  return new Map(rows.map((r) => [r.id, `${base}/events/${r.event}/sessions/${r.slug}`]));
}

/** The public shape of proposals: no e-mail, no needs, no score or comment. */
export async function publicShape(tx: Tx, call: Call, list: Proposal[], base: string, now: Date): Promise<PublicProposal[]> {
  const ids = list.map((p) => p.id);
  const [facilitators, timelines, urls] = await Promise.all([facilitatorsOf(tx, ids), timelinesOf(tx, ids), sessionUrls(tx, list, base)]);
  return list.map((p) => ({
    id: p.id,
    title: p.title,
    format: p.format,
    abstract: p.abstract,
    facilitators: facilitators.filter((f) => f.proposalId === p.id && f.confirmedAt).map((f) => ({ name: f.name, organization: f.organization })),
    status: p.status,
    statusHistory: timelines
      .filter((t) => t.proposalId === p.id)
      .map((t) => ({ status: t.status, at: t.at, by: t.by, ...(t.reason ? { reason: t.reason } : {}), ...(t.diff ? { diff: t.diff } : {}) })),
    overdue: isOverdue(p, call, now),
    submittedAt: p.createdAt,
    url: `${base}${proposalPath(call.slug, p.id)}`,
    ...(p.sessionId && urls.get(p.sessionId) ? { sessionUrl: urls.get(p.sessionId)! } : {}),
  }));
}

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  type CallInput,
  callPhase,
  type CommitteeAction,
  editable,
  isOverdue,
  needsReason,
  nextProposalStatus,
  type ProposalAction,
  type ProposalInput,
  PROPOSAL_STATUSES,
  type ProposalStatus,
  sessionKindOf,
  type TextDiff,
  textDiff,
  waiting,
} from '@/lib/domain/calls';
import { zonedInstant, localDate } from '@/lib/domain/time';
import { personOfName } from './people';
import { freeSessionSlug } from './programme-admin';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../client';
import {
  callCommittee,
  calls,
  events,
  programmeSessions,
  proposalFacilitators,
  proposalReviews,
  proposalRevisions,
  proposals,
  proposalTransitions,
  rooms,
  sessionPeople,
  users,
} from '../schema';
import { userMay } from './grants';
import { enqueue } from './mail';
import type { CallMailPayload } from '@/lib/mail/outbox';
import { organizedEvent } from './organizer';

// Calls for proposals (docs/calls.md). Access is decided here: the public sees open calls'
// proposals without any personal data, the proposer their own private data, the committee
// everything of its call, scores and comments included (never public).

type Call = typeof calls.$inferSelect;
type Proposal = typeof proposals.$inferSelect;
export type Viewer = { id: string; name: string | null; email: string } | null;

export const proposalPath = (callSlug: string, proposalId: string) => `/calls/${callSlug}/proposals/${proposalId}`;

// ---------------------------------------------------------------- mail

async function queueCallMail(tx: Tx, dedupeKey: string, payload: CallMailPayload) {
  await enqueue(tx, 'call_mail', { dedupeKey, payload });
}

// ---------------------------------------------------------------- access

async function callBySlug(tx: Tx, slug: string): Promise<Call> {
  const [call] = await tx.select().from(calls).where(eq(calls.slug, slug));
  if (!call) throw new DomainError(404, 'call_not_found', 'No such call for proposals.');
  return call;
}

/** The user's seat on the call's committee when they may review it (`call.review`), else null. */
async function committeeMember(tx: Tx, callId: string, userId: string | undefined) {
  if (!userId || !(await userMay(userId, 'call.review', { callId }, tx))) return null;
  const [m] = await tx.select().from(callCommittee).where(and(eq(callCommittee.callId, callId), eq(callCommittee.userId, userId)));
  return m ?? null;
}

/** The proposal locked for this transaction, with its call. */
async function lockProposal(tx: Tx, proposalId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) throw new DomainError(404, 'not_found', 'No such proposal.');
  const [p] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
  if (!p) throw new DomainError(404, 'not_found', 'No such proposal.');
  const [call] = await tx.select().from(calls).where(eq(calls.id, p.callId));
  return { p, call: call! };
}

function move(p: Proposal, action: ProposalAction): ProposalStatus {
  const to = nextProposalStatus(p.status, action);
  if (!to) throw new DomainError(409, 'invalid_transition', `A proposal “${p.status}” cannot be moved by “${action}”.`);
  return to;
}

async function recordTransition(
  tx: Tx,
  p: Proposal,
  call: Call,
  t: { status: ProposalStatus; by: string; actorUserId: string | null; reason?: string | null; diff?: TextDiff[] | null; mail: boolean },
  now: Date,
) {
  const [row] = await tx
    .insert(proposalTransitions)
    .values({ proposalId: p.id, status: t.status, at: now, by: t.by, actorUserId: t.actorUserId, reason: t.reason || null, diff: t.diff?.length ? t.diff : null })
    .returning({ id: proposalTransitions.id });
  if (t.mail) {
    await queueCallMail(tx, `proposal:${row!.id}`, {
      template: 'status',
      to: p.proposerEmail,
      locale: p.locale === 'en' ? 'en' : 'fr',
      name: p.proposerName,
      call: call.title,
      title: p.title,
      path: proposalPath(call.slug, p.id),
      status: t.status,
      reason: t.reason || null,
      by: t.by,
      diff: t.diff?.length ? t.diff : null,
    });
  }
}

// ---------------------------------------------------------------- calls (organizers)

/** Create (no `callSlug`) or update a call on an event (its organizers), with its committee. */
export async function saveCall(actorId: string, eventSlug: string, input: CallInput, callSlug?: string): Promise<string> {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can open a call.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const values = {
      eventId: event.id,
      slug: input.slug,
      title: input.title,
      description: input.description,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      answerBy: input.answerBy,
      formats: input.formats,
      slots: input.slots,
      questions: input.questions,
      criteria: input.criteria,
      visibility: input.visibility,
      committeeName: input.committeeName,
      namedDecisions: input.namedDecisions,
      staleDays: input.staleDays,
      updatedAt: new Date(),
    };
    let callId: string;
    if (callSlug) {
      const call = await callBySlug(tx, callSlug);
      if (call.eventId !== event.id) throw new DomainError(404, 'call_not_found', 'No such call for proposals.');
      if (input.slug !== callSlug) throw new DomainError(400, 'invalid', 'A call’s address cannot change.', { slug: 'unchangeable' });
      await tx.update(calls).set(values).where(eq(calls.id, call.id));
      callId = call.id;
    } else {
      const [row] = await tx.insert(calls).values(values).onConflictDoNothing({ target: calls.slug }).returning({ id: calls.id });
      if (!row) throw new DomainError(409, 'slug_taken', 'This address is already taken.', { slug: 'taken' });
      callId = row.id;
    }
    await tx.delete(callCommittee).where(eq(callCommittee.callId, callId));
    for (const m of input.committee) {
      const email = m.email.toLowerCase();
      await tx.insert(users).values({ email, name: m.name }).onConflictDoNothing({ target: users.email });
      const [u] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      await tx.insert(callCommittee).values({ callId, userId: u!.id, name: m.name }).onConflictDoNothing();
    }
    return input.slug;
  });
}

/** The calls of an event for its organizers (with committee e-mails, for the edit form). */
export async function organizerCalls(actorId: string, eventSlug: string) {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) return null;
  const db = await getDb();
  const list = await db.select().from(calls).where(eq(calls.eventId, event.id)).orderBy(asc(calls.opensAt));
  const committee = list.length
    ? await db
        .select({ callId: callCommittee.callId, name: callCommittee.name, email: users.email })
        .from(callCommittee)
        .innerJoin(users, eq(users.id, callCommittee.userId))
        .where(inArray(callCommittee.callId, list.map((c) => c.id)))
    : [];
  return list.map((c) => ({ ...c, committee: committee.filter((m) => m.callId === c.id).map(({ name, email }) => ({ name, email })) }));
}

// ---------------------------------------------------------------- public reading

type StatusCounts = Record<ProposalStatus, number>;

async function summaries(tx: Tx, list: Call[], now: Date) {
  if (!list.length) return [];
  const ids = list.map((c) => c.id);
  const [rows, committee] = await Promise.all([
    tx
      .select({ callId: proposals.callId, status: proposals.status, statusChangedAt: proposals.statusChangedAt })
      .from(proposals)
      .where(inArray(proposals.callId, ids)),
    tx.select({ callId: callCommittee.callId, name: callCommittee.name }).from(callCommittee).where(inArray(callCommittee.callId, ids)).orderBy(asc(callCommittee.name)),
  ]);
  const [eventRows] = await Promise.all([tx.select({ id: events.id, slug: events.slug, title: events.title, timeZone: events.timeZone }).from(events).where(inArray(events.id, list.map((c) => c.eventId)))]);
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

export type CallSummary = Awaited<ReturnType<typeof summaries>>[number];

/** Public: the calls of an event (null: no such event). */
export async function callsOfEvent(eventSlug: string, now = new Date()): Promise<CallSummary[] | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, eventSlug));
    if (!event) return null;
    return summaries(tx, await tx.select().from(calls).where(eq(calls.eventId, event.id)).orderBy(asc(calls.opensAt)), now);
  });
}

/** Public: one call with its committee, criteria, dates and counts per status (null: unknown). */
export async function publicCall(callSlug: string, now = new Date()): Promise<CallSummary | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.slug, callSlug));
    return call ? (await summaries(tx, [call], now))[0]! : null;
  });
}

async function facilitatorsOf(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(proposalFacilitators).where(inArray(proposalFacilitators.proposalId, ids)).orderBy(asc(proposalFacilitators.position));
}

async function timelinesOf(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(proposalTransitions).where(inArray(proposalTransitions.proposalId, ids)).orderBy(asc(proposalTransitions.at));
}

/** The public addresses of the proposals' sessions, once published (a draft has none yet). */
async function sessionUrls(tx: Tx, list: Proposal[], base: string) {
  const ids = list.map((p) => p.sessionId).filter((x): x is string => Boolean(x));
  if (!ids.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: programmeSessions.id, slug: programmeSessions.slug, event: events.slug })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(and(inArray(programmeSessions.id, ids), eq(programmeSessions.draft, false)));
  return new Map(rows.map((r) => [r.id, `${base}/events/${r.event}/sessions/${r.slug}`]));
}

/** The public shape of proposals: no e-mail, no needs, no score or comment. */
async function publicShape(tx: Tx, call: Call, list: Proposal[], base: string, now: Date) {
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

export type PublicProposal = Awaited<ReturnType<typeof publicShape>>[number];

/** Public: an open call's proposals, oldest first. A closed call's are refused (403 `call_closed`). */
export async function publicProposals(callSlug: string, base = '', now = new Date()): Promise<PublicProposal[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await callBySlug(tx, callSlug);
    if (call.visibility !== 'open') throw new DomainError(403, 'call_closed', 'The proposals of this call are seen by their proposers and the committee only.');
    const list = await tx.select().from(proposals).where(eq(proposals.callId, call.id)).orderBy(asc(proposals.createdAt));
    return publicShape(tx, call, list, base, now);
  });
}

/**
 * One proposal as `viewer` may see it: its public trail (open call, or the proposer, or the
 * committee), plus its private data for the proposer and the committee, plus the committee's
 * reviews for the committee only. Null when the viewer may not see it.
 */
export async function proposalView(proposalId: string, viewer: Viewer, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(proposals).where(eq(proposals.id, proposalId));
    if (!p) return null;
    const [call] = await tx.select().from(calls).where(eq(calls.id, p.callId));
    const isProposer = Boolean(viewer && p.proposerUserId === viewer.id);
    const member = await committeeMember(tx, call!.id, viewer?.id);
    if (call!.visibility !== 'open' && !isProposer && !member) return null;
    const [shape] = await publicShape(tx, call!, [p], '', now);
    const [summary] = await summaries(tx, [call!], now);
    const privateData =
      isProposer || member
        ? {
            proposerName: p.proposerName,
            proposerEmail: p.proposerEmail,
            needs: p.needs,
            preferredDays: p.preferredDays,
            answers: p.answers,
            facilitators: (await facilitatorsOf(tx, [p.id])).map((f) => ({ name: f.name, organization: f.organization, email: f.email, confirmed: Boolean(f.confirmedAt) })),
            revisions: await tx.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, p.id)).orderBy(desc(proposalRevisions.version)),
          }
        : null;
    const reviews = member
      ? await tx
          .select({ userId: proposalReviews.userId, name: callCommittee.name, score: proposalReviews.score, comment: proposalReviews.comment, updatedAt: proposalReviews.updatedAt })
          .from(proposalReviews)
          .innerJoin(callCommittee, and(eq(callCommittee.userId, proposalReviews.userId), eq(callCommittee.callId, call!.id)))
          .where(eq(proposalReviews.proposalId, p.id))
      : null;
    const [session] = p.sessionId
      ? await tx.select({ day: programmeSessions.startsAt, endsAt: programmeSessions.endsAt, roomId: programmeSessions.roomId }).from(programmeSessions).where(eq(programmeSessions.id, p.sessionId))
      : [];
    const roomList = member ? await tx.select({ key: rooms.key, name: rooms.name }).from(rooms).where(eq(rooms.eventId, call!.eventId)).orderBy(asc(rooms.name)) : [];
    return {
      call: summary!,
      proposal: shape!,
      phase: callPhase(call!, now),
      editable: isProposer && editable(p.status) && callPhase(call!, now) === 'open',
      isProposer,
      isCommittee: Boolean(member),
      privateData,
      reviews,
      session: session ?? null,
      rooms: roomList,
    };
  });
}

// ---------------------------------------------------------------- proposers

async function writeFacilitators(tx: Tx, p: Proposal, call: Call, input: ProposalInput, proposer: { name: string; email: string }) {
  const existing = await facilitatorsOf(tx, [p.id]);
  const keep = new Map(existing.filter((f) => f.email).map((f) => [f.email!.toLowerCase(), f]));
  await tx.delete(proposalFacilitators).where(eq(proposalFacilitators.proposalId, p.id));
  const list = [{ name: proposer.name, organization: input.organization, email: proposer.email }, ...input.facilitators.filter((f) => f.email.toLowerCase() !== proposer.email.toLowerCase())];
  for (const [position, f] of list.entries()) {
    const before = keep.get(f.email.toLowerCase());
    const confirmedAt = position === 0 ? new Date() : (before?.confirmedAt ?? null);
    const [row] = await tx
      .insert(proposalFacilitators)
      .values({ proposalId: p.id, name: f.name, organization: f.organization, email: f.email, position, confirmedAt, ...(before ? { confirmToken: before.confirmToken } : {}) })
      .returning();
    if (position > 0 && !before) {
      await queueCallMail(tx, `invite:${row!.id}`, {
        template: 'invite',
        to: f.email,
        locale: p.locale === 'en' ? 'en' : 'fr',
        name: f.name,
        call: call.title,
        title: p.title,
        path: proposalPath(call.slug, p.id),
        proposer: proposer.name,
        confirmPath: `/calls/confirm/${row!.confirmToken}`,
      });
    }
  }
}

function requireOpen(call: Call, now: Date) {
  const phase = callPhase(call, now);
  if (phase === 'upcoming') throw new DomainError(409, 'call_not_open', 'This call is not open yet.');
  if (phase === 'closed') throw new DomainError(409, 'call_closed', 'This call is closed: proposals can no longer be sent or edited.');
}

function requireFormat(call: Call, format: string) {
  if (!call.formats.includes(format)) throw new DomainError(400, 'invalid', 'This call does not offer this format.', { format: 'not_offered' });
}

/** Submit a proposal (signed in, call open): acknowledged by mail at once, co-facilitators invited. */
export async function submitProposal(user: NonNullable<Viewer>, callSlug: string, input: ProposalInput, locale: 'fr' | 'en', now = new Date()): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await callBySlug(tx, callSlug);
    requireOpen(call, now);
    requireFormat(call, input.format);
    const name = user.name?.trim() || user.email.split('@')[0]!;
    const [p] = await tx
      .insert(proposals)
      .values({
        callId: call.id,
        title: input.title,
        format: input.format,
        abstract: input.abstract,
        needs: input.needs,
        preferredDays: input.preferredDays,
        answers: input.answers,
        proposerUserId: user.id,
        proposerName: name,
        proposerEmail: user.email,
        locale,
        statusChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(proposalRevisions).values({ proposalId: p!.id, version: 1, title: p!.title, format: p!.format, abstract: p!.abstract, createdAt: now });
    await writeFacilitators(tx, p!, call, input, { name, email: user.email });
    await recordTransition(tx, p!, call, { status: 'submitted', by: name, actorUserId: user.id, mail: false }, now);
    await queueCallMail(tx, `ack:${p!.id}`, { template: 'ack', to: user.email, locale, name, call: call.title, title: p!.title, path: proposalPath(call.slug, p!.id) });
    return p!.id;
  });
}

async function requireProposer(tx: Tx, proposalId: string, userId: string) {
  const locked = await lockProposal(tx, proposalId);
  if (locked.p.proposerUserId !== userId) throw new DomainError(403, 'forbidden', 'Only its proposer can change a proposal.');
  return locked;
}

/** The proposer edits (a new revision); answering a request for changes sends it back to the committee. */
export async function reviseProposal(user: NonNullable<Viewer>, proposalId: string, input: ProposalInput, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { p, call } = await requireProposer(tx, proposalId, user.id);
    requireOpen(call, now);
    if (!editable(p.status)) throw new DomainError(409, 'invalid_transition', 'A decided proposal can no longer be edited.');
    requireFormat(call, input.format);
    const version = p.version + 1;
    const [updated] = await tx
      .update(proposals)
      .set({ title: input.title, format: input.format, abstract: input.abstract, needs: input.needs, preferredDays: input.preferredDays, answers: input.answers, version, updatedAt: now })
      .where(eq(proposals.id, p.id))
      .returning();
    await tx.insert(proposalRevisions).values({ proposalId: p.id, version, title: input.title, format: input.format, abstract: input.abstract, createdAt: now });
    await writeFacilitators(tx, updated!, call, input, { name: p.proposerName, email: p.proposerEmail });
    if (p.status === 'changes_requested') {
      const status = move(p, 'revise');
      await tx.update(proposals).set({ status, statusChangedAt: now }).where(eq(proposals.id, p.id));
      await recordTransition(tx, updated!, call, { status, by: p.proposerName, actorUserId: user.id, reason: null, mail: false }, now);
    }
    return { version };
  });
}

export async function withdrawProposal(user: NonNullable<Viewer>, proposalId: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { p, call } = await requireProposer(tx, proposalId, user.id);
    const status = move(p, 'withdraw');
    await tx.update(proposals).set({ status, statusChangedAt: now, updatedAt: now }).where(eq(proposals.id, p.id));
    await recordTransition(tx, p, call, { status, by: p.proposerName, actorUserId: user.id, mail: true }, now);
  });
}

/** A co-facilitator confirms their part (the link mailed to them). */
export async function confirmFacilitator(token: string) {
  const db = await getDb();
  const [row] = await db
    .update(proposalFacilitators)
    .set({ confirmedAt: sql`coalesce(${proposalFacilitators.confirmedAt}, now())` })
    .where(eq(proposalFacilitators.confirmToken, token.slice(0, 100)))
    .returning({ proposalId: proposalFacilitators.proposalId });
  if (!row) return null;
  const [p] = await db.select({ id: proposals.id, slug: calls.slug }).from(proposals).innerJoin(calls, eq(calls.id, proposals.callId)).where(eq(proposals.id, row.proposalId));
  return proposalPath(p!.slug, p!.id);
}

/** What the confirmation page shows (no e-mail), or null for an unknown token. */
export async function invitation(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ name: proposalFacilitators.name, confirmedAt: proposalFacilitators.confirmedAt, title: proposals.title, proposer: proposals.proposerName, call: calls.title })
    .from(proposalFacilitators)
    .innerJoin(proposals, eq(proposals.id, proposalFacilitators.proposalId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(eq(proposalFacilitators.confirmToken, token.slice(0, 100)));
  return row ?? null;
}

// ---------------------------------------------------------------- committee

async function requireMember(tx: Tx, callId: string, userId: string) {
  const member = await committeeMember(tx, callId, userId);
  if (!member) throw new DomainError(403, 'forbidden', 'Only the call’s committee decides.');
  return member;
}

const byOf = (call: Call, member: { name: string }) => (call.namedDecisions ? member.name : call.committeeName);

/**
 * Draft programme session of an accepted proposal (tentative, a `draft`: off the public programme
 * and registration until the organizers schedule and publish it), with its facilitators; once only.
 */
async function draftSession(tx: Tx, p: Proposal, call: Call) {
  const [event] = await tx.select().from(events).where(eq(events.id, call.eventId));
  const day = p.preferredDays[0] ?? localDate(event!.startsAt, event!.timeZone);
  const [session] = await tx
    .insert(programmeSessions)
    .values({
      eventId: event!.id,
      slug: await freeSessionSlug(tx, event!.id, p.title),
      title: p.title,
      description: p.abstract,
      kind: sessionKindOf(p.format),
      status: 'tentative',
      draft: true,
      startsAt: zonedInstant(day, '09:00', event!.timeZone),
      endsAt: zonedInstant(day, '10:30', event!.timeZone),
    })
    .returning({ id: programmeSessions.id });
  const facilitators = (await facilitatorsOf(tx, [p.id])).filter((f) => f.confirmedAt);
  for (const f of facilitators) {
    const personId = await personOfName(tx, f.name, f.organization);
    await tx.insert(sessionPeople).values({ sessionId: session!.id, personId, role: 'facilitator', position: f.position, organization: f.organization }).onConflictDoNothing();
  }
  return session!.id;
}

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
    await tx.update(proposals).set({ status, statusChangedAt: now, updatedAt: now, sessionId }).where(eq(proposals.id, p.id));
    await recordTransition(tx, p, call, { status, by: byOf(call, member), actorUserId: user.id, reason: d.reason.trim() || null, mail: true }, now);
    return { status, sessionId };
  });
}

/**
 * Schedule an accepted proposal: its session gets its time and room and is confirmed. A change
 * to the title or abstract is recorded as a diff in the timeline and mailed to the proposer.
 */
export async function scheduleProposal(
  user: NonNullable<Viewer>,
  proposalId: string,
  s: { title: string; abstract: string; day: string; start: string; end: string; room: string | null; reason: string },
  now = new Date(),
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { p, call } = await lockProposal(tx, proposalId);
    const member = await requireMember(tx, call.id, user.id);
    const status = move(p, 'schedule');
    if (!p.sessionId) throw new DomainError(409, 'invalid_transition', 'This proposal has no draft session.');
    const [event] = await tx.select().from(events).where(eq(events.id, call.eventId));
    let roomId: string | null = null;
    if (s.room) {
      const [room] = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.eventId, event!.id), eq(rooms.key, s.room)));
      if (!room) throw new DomainError(400, 'invalid', 'No such room.', { room: 'unknown' });
      roomId = room.id;
    }
    const diff = textDiff(p, s);
    await tx
      .update(programmeSessions)
      .set({
        title: s.title,
        description: s.abstract,
        status: 'confirmed',
        startsAt: zonedInstant(s.day, s.start, event!.timeZone),
        endsAt: zonedInstant(s.day, s.end, event!.timeZone),
        roomId,
      })
      .where(eq(programmeSessions.id, p.sessionId));
    await tx.update(proposals).set({ status, statusChangedAt: now, updatedAt: now, title: s.title, abstract: s.abstract }).where(eq(proposals.id, p.id));
    await recordTransition(tx, { ...p, title: s.title }, call, { status, by: byOf(call, member), actorUserId: user.id, reason: s.reason || null, diff, mail: true }, now);
    return { status, diff };
  });
}

/** A committee member's own score and comment (private to the committee). */
export async function saveReview(user: NonNullable<Viewer>, proposalId: string, r: { score?: number; comment: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { call } = await lockProposal(tx, proposalId);
    await requireMember(tx, call.id, user.id);
    const values = { proposalId, userId: user.id, score: r.score ?? null, comment: r.comment, updatedAt: new Date() };
    await tx
      .insert(proposalReviews)
      .values(values)
      .onConflictDoUpdate({ target: [proposalReviews.proposalId, proposalReviews.userId], set: { score: values.score, comment: values.comment, updatedAt: values.updatedAt } });
  });
}

/** The committee's review board: every proposal with overdue flags and its average score (null: not a member). */
export async function reviewBoard(user: NonNullable<Viewer>, callSlug: string, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await callBySlug(tx, callSlug);
    if (!(await committeeMember(tx, call.id, user.id))) return null;
    const list = await tx.select().from(proposals).where(eq(proposals.callId, call.id)).orderBy(asc(proposals.createdAt));
    const scores = list.length
      ? await tx
          .select({ proposalId: proposalReviews.proposalId, avg: sql<number | null>`avg(${proposalReviews.score})::float`, n: sql<number>`count(*)::int` })
          .from(proposalReviews)
          .where(inArray(proposalReviews.proposalId, list.map((p) => p.id)))
          .groupBy(proposalReviews.proposalId)
      : [];
    const [summary] = await summaries(tx, [call], now);
    return {
      call: summary!,
      proposals: list.map((p) => {
        const s = scores.find((x) => x.proposalId === p.id);
        return {
          id: p.id,
          title: p.title,
          format: p.format,
          status: p.status,
          proposerName: p.proposerName,
          statusChangedAt: p.statusChangedAt,
          overdue: isOverdue(p, call, now),
          averageScore: s?.avg ?? null,
          reviews: s?.n ?? 0,
        };
      }),
    };
  });
}

// ---------------------------------------------------------------- feeds and programme

/** Every decision of an open call, newest first (the Atom feed); null for an unknown or closed call. */
export async function callDecisions(callSlug: string) {
  const db = await getDb();
  const [call] = await db.select().from(calls).where(eq(calls.slug, callSlug));
  if (!call || call.visibility !== 'open') return call ? { call, entries: null } : null;
  const entries = await db
    .select({ id: proposalTransitions.id, proposalId: proposals.id, title: proposals.title, status: proposalTransitions.status, at: proposalTransitions.at, by: proposalTransitions.by, reason: proposalTransitions.reason, diff: proposalTransitions.diff })
    .from(proposalTransitions)
    .innerJoin(proposals, eq(proposals.id, proposalTransitions.proposalId))
    .where(and(eq(proposals.callId, call.id), inArray(proposalTransitions.status, ['changes_requested', 'accepted', 'declined', 'scheduled', 'withdrawn'])))
    .orderBy(desc(proposalTransitions.at))
    .limit(200);
  return { call, entries };
}

/**
 * For programme pages: which sessions came from a proposal, by whom (the confirmed facilitators'
 * names, in order; an erased one is empty), and the trail's path (open calls).
 */
export async function proposalsOfSessions(sessionIds: string[]) {
  if (!sessionIds.length) return new Map<string, { by: string[]; path: string | null }>();
  const db = await getDb();
  const rows = await db
    .select({ sessionId: proposals.sessionId, id: proposals.id, callSlug: calls.slug, visibility: calls.visibility })
    .from(proposals)
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(inArray(proposals.sessionId, sessionIds));
  const names = rows.length
    ? await db
        .select({ proposalId: proposalFacilitators.proposalId, name: proposalFacilitators.name })
        .from(proposalFacilitators)
        .where(and(inArray(proposalFacilitators.proposalId, rows.map((r) => r.id)), sql`${proposalFacilitators.confirmedAt} is not null`))
        .orderBy(asc(proposalFacilitators.position))
    : [];
  return new Map(
    rows.map((r) => [
      r.sessionId!,
      {
        by: names.filter((n) => n.proposalId === r.id).map((n) => n.name),
        path: r.visibility === 'open' ? proposalPath(r.callSlug, r.id) : null,
      },
    ]),
  );
}

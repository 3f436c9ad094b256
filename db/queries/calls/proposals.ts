import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { calls, proposalFacilitators, proposalReviews, proposalRevisions, proposals, proposalTransitions, callCommittee } from '../../schema';

// Proposals to a call, their revisions, facilitators, status trail and the committee's reviews.
// Queries only: the rules are in server/calls/ and lib/domain/calls.ts.

type Q = Db | Tx;
export type Proposal = typeof proposals.$inferSelect;
type ProposalValues = typeof proposals.$inferInsert;
type ProposalChange = Partial<Omit<ProposalValues, 'id' | 'callId'>>;

// ---------------------------------------------------------------- proposals

export async function proposalById(q: Q, id: string): Promise<Proposal | undefined> {
  const [p] = await q.select().from(proposals).where(eq(proposals.id, id));
  return p;
}

/** The proposal locked for the rest of the transaction. */
export async function lockedProposal(q: Q, id: string): Promise<Proposal | undefined> {
  const [p] = await q.select().from(proposals).where(eq(proposals.id, id)).for('update');
  return p;
}

/** A call's proposals, oldest first. */
export async function proposalsOfCall(q: Q, callId: string): Promise<Proposal[]> {
  return q.select().from(proposals).where(eq(proposals.callId, callId)).orderBy(asc(proposals.createdAt));
}

/** The status of every proposal of these calls (counts, waiting, overdue). */
export async function statusesOfCalls(q: Q, callIds: string[]) {
  return q.select({ callId: proposals.callId, status: proposals.status, statusChangedAt: proposals.statusChangedAt }).from(proposals).where(inArray(proposals.callId, callIds));
}

export async function insertProposal(q: Q, values: ProposalValues): Promise<Proposal> {
  const [p] = await q.insert(proposals).values(values).returning();
  return p!;
}

export async function updateProposal(q: Q, id: string, change: ProposalChange): Promise<Proposal> {
  const [p] = await q.update(proposals).set(change).where(eq(proposals.id, id)).returning();
  return p!;
}

/** The proposals that became these sessions, with their call's slug and visibility. */
export async function proposalsOfSessionIds(q: Q, sessionIds: string[]) {
  return q
    .select({ sessionId: proposals.sessionId, id: proposals.id, callSlug: calls.slug, visibility: calls.visibility })
    .from(proposals)
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(inArray(proposals.sessionId, sessionIds));
}

// ---------------------------------------------------------------- revisions

export async function insertRevision(q: Q, values: typeof proposalRevisions.$inferInsert) {
  await q.insert(proposalRevisions).values(values);
}

/** A proposal's revisions, newest first. */
export async function revisionsOf(q: Q, proposalId: string) {
  return q.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, proposalId)).orderBy(desc(proposalRevisions.version));
}

// ---------------------------------------------------------------- facilitators

/** The facilitators of these proposals, in order. */
export async function facilitatorsOf(q: Q, proposalIds: string[]) {
  if (!proposalIds.length) return [];
  return q.select().from(proposalFacilitators).where(inArray(proposalFacilitators.proposalId, proposalIds)).orderBy(asc(proposalFacilitators.position));
}

export async function deleteFacilitators(q: Q, proposalId: string) {
  await q.delete(proposalFacilitators).where(eq(proposalFacilitators.proposalId, proposalId));
}

export async function insertFacilitator(q: Q, values: typeof proposalFacilitators.$inferInsert) {
  const [row] = await q.insert(proposalFacilitators).values(values).returning();
  return row!;
}

/** The confirmed facilitators' names of these proposals, in order. */
export async function confirmedNamesOf(q: Q, proposalIds: string[]) {
  return q
    .select({ proposalId: proposalFacilitators.proposalId, name: proposalFacilitators.name })
    .from(proposalFacilitators)
    .where(and(inArray(proposalFacilitators.proposalId, proposalIds), sql`${proposalFacilitators.confirmedAt} is not null`))
    .orderBy(asc(proposalFacilitators.position));
}

/** Marks the invitation of `token` confirmed (once); its proposal and call slug, or undefined. */
export async function confirmInvitation(q: Q, token: string) {
  const [row] = await q
    .update(proposalFacilitators)
    .set({ confirmedAt: sql`coalesce(${proposalFacilitators.confirmedAt}, now())` })
    .where(eq(proposalFacilitators.confirmToken, token))
    .returning({ proposalId: proposalFacilitators.proposalId });
  if (!row) return undefined;
  const [p] = await q.select({ id: proposals.id, slug: calls.slug }).from(proposals).innerJoin(calls, eq(calls.id, proposals.callId)).where(eq(proposals.id, row.proposalId));
  return p!;
}

/** What the confirmation page shows (no e-mail), or undefined for an unknown token. */
export async function invitationOf(q: Q, token: string) {
  const [row] = await q
    .select({ name: proposalFacilitators.name, confirmedAt: proposalFacilitators.confirmedAt, title: proposals.title, proposer: proposals.proposerName, call: calls.title })
    .from(proposalFacilitators)
    .innerJoin(proposals, eq(proposals.id, proposalFacilitators.proposalId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(eq(proposalFacilitators.confirmToken, token));
  return row;
}

// ---------------------------------------------------------------- status trail

export async function insertTransition(q: Q, values: typeof proposalTransitions.$inferInsert) {
  const [row] = await q.insert(proposalTransitions).values(values).returning({ id: proposalTransitions.id });
  return row!;
}

/** The status trails of these proposals, oldest first. */
export async function timelinesOf(q: Q, proposalIds: string[]) {
  if (!proposalIds.length) return [];
  return q.select().from(proposalTransitions).where(inArray(proposalTransitions.proposalId, proposalIds)).orderBy(asc(proposalTransitions.at));
}

/** A call's latest 200 trail entries with one of `statuses`, newest first (the decisions feed). */
export async function transitionsOfCall(q: Q, callId: string, statuses: Proposal['status'][]) {
  return q
    .select({ id: proposalTransitions.id, proposalId: proposals.id, title: proposals.title, status: proposalTransitions.status, at: proposalTransitions.at, by: proposalTransitions.by, reason: proposalTransitions.reason, diff: proposalTransitions.diff })
    .from(proposalTransitions)
    .innerJoin(proposals, eq(proposals.id, proposalTransitions.proposalId))
    .where(and(eq(proposals.callId, callId), inArray(proposalTransitions.status, statuses)))
    .orderBy(desc(proposalTransitions.at))
    .limit(200);
}

// ---------------------------------------------------------------- reviews (the committee's, never public)

/** A member's score and comment on a proposal (one each; a new one replaces it). */
export async function upsertReview(q: Q, values: { proposalId: string; userId: string; score: number | null; comment: string; updatedAt: Date }) {
  await q
    .insert(proposalReviews)
    .values(values)
    .onConflictDoUpdate({ target: [proposalReviews.proposalId, proposalReviews.userId], set: { score: values.score, comment: values.comment, updatedAt: values.updatedAt } });
}

/** The committee's reviews of a proposal, with each member's committee name. */
export async function reviewsOf(q: Q, callId: string, proposalId: string) {
  return q
    .select({ userId: proposalReviews.userId, name: callCommittee.name, score: proposalReviews.score, comment: proposalReviews.comment, updatedAt: proposalReviews.updatedAt })
    .from(proposalReviews)
    .innerJoin(callCommittee, and(eq(callCommittee.userId, proposalReviews.userId), eq(callCommittee.callId, callId)))
    .where(eq(proposalReviews.proposalId, proposalId));
}

/** Average score and number of reviews per proposal. */
export async function scoresOf(q: Q, proposalIds: string[]) {
  if (!proposalIds.length) return [];
  return q
    .select({ proposalId: proposalReviews.proposalId, avg: sql<number | null>`avg(${proposalReviews.score})::float`, n: sql<number>`count(*)::int` })
    .from(proposalReviews)
    .where(inArray(proposalReviews.proposalId, proposalIds))
    .groupBy(proposalReviews.proposalId);
}

import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { erasedEmail } from '@/lib/domain/erased';
import { DomainError } from '@/lib/errors';
import { type Db, getDb, type Tx } from '../client';
import {
  accounts,
  attachments,
  attendance,
  badgeAwards,
  badgeEndorsements,
  callCommittee,
  calls,
  captionLines,
  chatMessages,
  chatReactions,
  events,
  linkSessions,
  mailOutbox,
  moderationLog,
  newToken,
  pathSubscriptions,
  people,
  pollAnswers,
  polls,
  programmeSessions,
  proposalFacilitators,
  proposalReviews,
  proposals,
  proposalTransitions,
  questions,
  questionVotes,
  rateHits,
  registrationSessions,
  registrations,
  replays,
  resourceRevisions,
  resources,
  roleGrants,
  roomSanctions,
  sessionNoteUpdates,
  sessionFeedback,
  sessions,
  users,
  verificationTokens,
} from '../schema';

// A person's own data (docs/privacy.md): everything of one person as one JSON document, and the
// erasure of their account. "A person" is one identity whether they came by sign-in or by personal
// link: an account with every registration linked to it (same e-mail), or, without an account, the
// registrations made with the personal link's e-mail. Live rooms know them by their actor keys
// (`user:<id>`, `registration:<id>`, db/queries/identity.ts).

/** Who asks: a signed-in account, or the registration of a personal link (active or cancelled). */
export type PersonRef = { userId: string } | { registrationId: string };

type Scope = {
  userId: string | null;
  emails: string[];
  names: string[];
  registrationIds: string[];
  keys: string[];
};

const lower = (c: AnyPgColumn | SQL) => sql`lower(${c})`;
/** `col in (values)`, false for no values. */
const anyOf = (c: AnyPgColumn | SQL, values: string[]): SQL => (values.length ? sql`${c} in ${sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`}` : sql`false`);
const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

async function scopeOf(db: Db | Tx, ref: PersonRef): Promise<Scope | null> {
  let userId: string | null = null;
  let email: string;
  if ('userId' in ref) {
    userId = ref.userId;
  } else {
    const [reg] = await db.select().from(registrations).where(eq(registrations.id, ref.registrationId));
    if (!reg) return null;
    // Until its address is proven, a registration acts for itself alone: nothing else is found by
    // its e-mail, nothing of an account (docs/security.md).
    if (!reg.emailProvenAt) {
      return { userId: null, emails: [], names: uniq([reg.name]), registrationIds: [reg.id], keys: [`registration:${reg.id}`] };
    }
    userId = reg.userId;
    email = reg.email;
  }
  const [user] = userId ? await db.select().from(users).where(eq(users.id, userId)) : [];
  if (userId && !user) return null;
  email = user ? user.email : email!;
  const regs = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(
      user
        ? or(eq(registrations.userId, user.id), eq(lower(registrations.email), email.toLowerCase()))
        : and(isNull(registrations.userId), eq(lower(registrations.email), email.toLowerCase())),
    );
  const registrationIds = regs.map((r) => r.id);
  return {
    userId: user?.id ?? null,
    emails: uniq([email, ...regs.map((r) => r.email)].map((e) => e.toLowerCase())),
    names: uniq([user?.name, ...regs.map((r) => r.name)]),
    registrationIds,
    keys: [...(user ? [`user:${user.id}`] : []), ...registrationIds.map((id) => `registration:${id}`)],
  };
}

const byUser = (c: AnyPgColumn, scope: Scope): SQL => (scope.userId ? eq(c, scope.userId) : sql`false`);

/** The person's resources: created, or proposed by them (account, registration or e-mail). */
const theirResources = (s: Scope) =>
  or(byUser(resources.createdBy, s), byUser(resources.proposerUserId, s), anyOf(resources.proposerRegistrationId, s.registrationIds), anyOf(lower(resources.proposerEmail), s.emails))!;
const theirProposals = (s: Scope) => or(byUser(proposals.proposerUserId, s), anyOf(lower(proposals.proposerEmail), s.emails))!;

/**
 * Everything Chemins holds about one person, as one JSON-ready object (GET /api/me/data): account,
 * registrations with answers and seats, questions, votes, chat messages and reactions, poll
 * answers, attendance, sanctions, proposals, resources, attachments, subscriptions, roles, badges
 * and endorsements. Nothing of anybody else: every row is selected by the person's account, keys,
 * registrations or e-mail addresses. Secrets (session tokens, personal link token hashes, OAuth
 * tokens) are counted, never shown.
 */
export async function exportPersonData(ref: PersonRef) {
  const db = await getDb();
  const s = await scopeOf(db, ref);
  if (!s) throw new DomainError(404, 'not_found', 'No such person.');
  const [user] = s.userId ? await db.select().from(users).where(eq(users.id, s.userId)) : [];
  const regs = await db
    .select({ reg: registrations, event: { slug: events.slug, title: events.title } })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(anyOf(registrations.id, s.registrationIds));
  const seats = await db
    .select({ registrationId: registrationSessions.registrationId, session: programmeSessions.slug, title: programmeSessions.title, status: registrationSessions.status, requestedAt: registrationSessions.requestedAt })
    .from(registrationSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
    .where(anyOf(registrationSessions.registrationId, s.registrationIds));
  const sessionOf = { session: programmeSessions.slug, sessionTitle: programmeSessions.title };
  const resourceRows = await db.select().from(resources).where(theirResources(s));
  const proposalRows = await db
    .select({ proposal: proposals, call: calls.slug })
    .from(proposals)
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(theirProposals(s));
  return {
    exportedAt: new Date().toISOString(),
    account: user ? { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, createdAt: user.createdAt } : null,
    signInProviders: s.userId ? await db.select({ provider: accounts.provider, type: accounts.type }).from(accounts).where(eq(accounts.userId, s.userId)) : [],
    openSessions: s.userId ? await db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.userId, s.userId)) : [],
    roles: s.userId ? await db.select({ role: roleGrants.role, eventId: roleGrants.eventId, sessionId: roleGrants.sessionId, pathId: roleGrants.pathId, createdAt: roleGrants.createdAt }).from(roleGrants).where(eq(roleGrants.userId, s.userId)) : [],
    speakerProfiles: s.userId ? await db.select({ key: people.key, name: people.name, organization: people.organization, bio: people.bio }).from(people).where(eq(people.userId, s.userId)) : [],
    registrations: regs.map(({ reg, event }) => ({
      id: reg.id,
      event,
      name: reg.name,
      email: reg.email,
      status: reg.status,
      answers: reg.answers,
      consentAt: reg.consentAt,
      checkedInAt: reg.checkedInAt,
      createdAt: reg.createdAt,
      updatedAt: reg.updatedAt,
      seats: seats.filter((x) => x.registrationId === reg.id).map(({ registrationId: _, ...seat }) => seat),
    })),
    personalLinkBrowsers: await db.select({ createdAt: linkSessions.createdAt, expiresAt: linkSessions.expiresAt }).from(linkSessions).where(anyOf(linkSessions.registrationId, s.registrationIds)),
    questions: await db
      .select({ id: questions.id, ...sessionOf, body: questions.body, authorName: questions.authorName, anonymous: questions.anonymous, status: questions.status, votes: questions.votes, withdrawnAt: questions.withdrawnAt, createdAt: questions.createdAt })
      .from(questions)
      .innerJoin(programmeSessions, eq(programmeSessions.id, questions.sessionId))
      .where(anyOf(questions.authorKey, s.keys)),
    votes: await db
      .select({ questionId: questionVotes.questionId, createdAt: questionVotes.createdAt })
      .from(questionVotes)
      .where(anyOf(questionVotes.voterKey, s.keys)),
    chatMessages: await db
      .select({ id: chatMessages.id, ...sessionOf, body: chatMessages.body, authorName: chatMessages.authorName, replyTo: chatMessages.replyTo, deletedAt: chatMessages.deletedAt, createdAt: chatMessages.createdAt })
      .from(chatMessages)
      .innerJoin(programmeSessions, eq(programmeSessions.id, chatMessages.sessionId))
      .where(anyOf(chatMessages.authorKey, s.keys)),
    chatReactions: await db.select({ messageId: chatReactions.messageId, emoji: chatReactions.emoji, createdAt: chatReactions.createdAt }).from(chatReactions).where(anyOf(chatReactions.actorKey, s.keys)),
    pollAnswers: await db
      .select({ pollId: pollAnswers.pollId, question: polls.question, name: pollAnswers.name, value: pollAnswers.value, createdAt: pollAnswers.createdAt, updatedAt: pollAnswers.updatedAt })
      .from(pollAnswers)
      .innerJoin(polls, eq(polls.id, pollAnswers.pollId))
      .where(anyOf(pollAnswers.actorKey, s.keys)),
    attendance: await db
      .select({ ...sessionOf, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt })
      .from(attendance)
      .innerJoin(programmeSessions, eq(programmeSessions.id, attendance.sessionId))
      .where(anyOf(attendance.actorKey, s.keys)),
    sanctions: await db
      .select({ ...sessionOf, kind: roomSanctions.kind, until: roomSanctions.until, liftedAt: roomSanctions.liftedAt, createdAt: roomSanctions.createdAt })
      .from(roomSanctions)
      .innerJoin(programmeSessions, eq(programmeSessions.id, roomSanctions.sessionId))
      .where(anyOf(roomSanctions.targetKey, s.keys)),
    proposals: proposalRows.map(({ proposal: p, call }) => ({
      id: p.id,
      call,
      title: p.title,
      format: p.format,
      abstract: p.abstract,
      needs: p.needs,
      preferredDays: p.preferredDays,
      answers: p.answers,
      proposerName: p.proposerName,
      proposerEmail: p.proposerEmail,
      status: p.status,
      createdAt: p.createdAt,
    })),
    cofacilitations: await db
      .select({ proposalId: proposalFacilitators.proposalId, name: proposalFacilitators.name, organization: proposalFacilitators.organization, email: proposalFacilitators.email, confirmedAt: proposalFacilitators.confirmedAt })
      .from(proposalFacilitators)
      .where(anyOf(lower(proposalFacilitators.email), s.emails)),
    committees: s.userId ? await db.select({ callId: callCommittee.callId, name: callCommittee.name }).from(callCommittee).where(eq(callCommittee.userId, s.userId)) : [],
    reviews: s.userId ? await db.select({ proposalId: proposalReviews.proposalId, score: proposalReviews.score, comment: proposalReviews.comment, updatedAt: proposalReviews.updatedAt }).from(proposalReviews).where(eq(proposalReviews.userId, s.userId)) : [],
    resources: resourceRows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      body: r.body,
      format: r.format,
      authors: r.authors,
      status: r.status,
      proposerName: r.proposerName,
      proposerEmail: r.proposerEmail,
      createdAt: r.createdAt,
      publishedAt: r.publishedAt,
    })),
    attachments: await db
      .select({ id: attachments.id, resourceId: attachments.resourceId, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size, createdAt: attachments.createdAt })
      .from(attachments)
      .where(or(byUser(attachments.uploadedBy, s), anyOf(attachments.uploadedByRegistration, s.registrationIds))),
    pathSubscriptions: await db
      .select({ pathId: pathSubscriptions.pathId, email: pathSubscriptions.email, since: pathSubscriptions.since, unsubscribedAt: pathSubscriptions.unsubscribedAt, createdAt: pathSubscriptions.createdAt })
      .from(pathSubscriptions)
      .where(or(byUser(pathSubscriptions.userId, s), anyOf(pathSubscriptions.registrationId, s.registrationIds), anyOf(lower(pathSubscriptions.email), s.emails))),
    sessionFeedback: await db
      .select({ sessionId: sessionFeedback.sessionId, rating: sessionFeedback.rating, answer: sessionFeedback.answer, answeredAt: sessionFeedback.answeredAt, createdAt: sessionFeedback.createdAt })
      .from(sessionFeedback)
      .where(anyOf(sessionFeedback.registrationId, s.registrationIds)),
    badges: await db
      .select({ id: badgeAwards.id, achievementId: badgeAwards.achievementId, recipientName: badgeAwards.recipientName, recipientEmail: badgeAwards.recipientEmail, status: badgeAwards.status, evidence: badgeAwards.evidence, isPublic: badgeAwards.isPublic, issuedAt: badgeAwards.issuedAt, revokedAt: badgeAwards.revokedAt, credential: badgeAwards.credential })
      .from(badgeAwards)
      .where(anyOf(lower(badgeAwards.recipientEmail), s.emails)),
    endorsements: await db
      .select({ achievementId: badgeEndorsements.achievementId, endorserName: badgeEndorsements.endorserName, comment: badgeEndorsements.comment, createdAt: badgeEndorsements.createdAt })
      .from(badgeEndorsements)
      .where(anyOf(lower(badgeEndorsements.endorserEmail), s.emails)),
  };
}

export type PersonData = Awaited<ReturnType<typeof exportPersonData>>;

/**
 * Every column that points at an account, a registration or a person (foreign keys to `users`,
 * `registrations` and `people`), with what erasure does to it. A test compares this with the
 * database's foreign keys: a new column pointing at a person must be handled by `erasePerson`
 * and added here.
 */
export const PERSONAL_REFERENCES: Record<string, string> = {
  'accounts.user_id': 'deleted with the account',
  'sessions.user_id': 'deleted with the account (every sign-in ends)',
  'people.user_id': 'unlinked: the public speaker credit stays, without the account',
  'path_sessions.linked_by': 'set null',
  'resources.created_by': 'set null',
  'resources.proposer_user_id': 'set null (proposer name and e-mail erased)',
  'resources.proposer_registration_id': 'set null',
  'resources.reviewed_by': 'set null',
  'resource_revisions.actor_user_id': 'set null (actor name erased)',
  'attachments.uploaded_by': 'set null',
  'attachments.uploaded_by_registration': 'set null',
  'path_subscriptions.user_id': 'deleted',
  'path_subscriptions.registration_id': 'deleted',
  'role_grants.user_id': 'deleted with the account',
  'role_grants.granted_by': 'set null',
  'registrations.user_id': 'set null (the registration is anonymised)',
  'link_sessions.registration_id': 'deleted (every personal-link browser is signed out)',
  'registration_sessions.registration_id': 'kept: the seat of an anonymised registration (counts stay)',
  'mail_outbox.registration_id': 'deleted',
  'session_feedback.registration_id': 'set null, with the link token (the answer stays, without name)',
  'call_committee.user_id': 'deleted with the account',
  'proposals.proposer_user_id': 'set null (proposer name, e-mail and private answers erased)',
  'proposal_transitions.actor_user_id': 'set null (name erased)',
  'proposal_reviews.user_id': 'deleted with the account',
  'badge_awards.decided_by': 'set null',
  'venue_inputs.created_by': 'set null (its foreign key, when the account is deleted): the input stays with its session',
  'session_people.person_id': 'kept: public programme credit (people.user_id is unlinked)',
  'path_coordinators.person_id': 'kept: public path credit (people.user_id is unlinked)',
  'event_people.person_id': 'kept: public event credit (people.user_id is unlinked)',
  'person_affiliations.person_id': 'kept: public affiliation (people.user_id is unlinked)',
};

/** Replace, anywhere in a JSON value, a string equal to one of `values` (case-insensitive) by `by`. */
function scrubJson(value: unknown, values: Set<string>, by: string): unknown {
  if (typeof value === 'string') return values.has(value.toLowerCase()) ? by : value;
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, values, by));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, values, by)]));
  return value;
}

export type ErasureResult = { registrations: number; questions: number; chatMessages: number; resources: number; proposals: number };

/**
 * Erase a person (POST /api/me/erase), in one transaction. What others still need stays, without
 * the person: questions keep their text and votes but lose their author (anonymous); chat
 * messages are erased (text and author; shown as deleted); votes, reactions, poll answers,
 * attendance and sanctions stay counted under a key that names nobody (`erased:<random>`, one per
 * former key); registrations are anonymised (name, e-mail, answers, personal link) so that seat
 * counts stay true, and seats in sessions not yet over are given up to the waiting list; their
 * resources and proposals stay, authored by "a former participant" (an empty author name,
 * rendered from the catalogues) unless `keepName`; badges already issued are revoked (a copy the
 * person downloaded then verifies as revoked) and kept with nothing of theirs, so that their place in
 * the issuer's revocation list stays set; other badges, endorsements,
 * subscriptions, pending mails and roles are deleted; then the account itself, with its sign-in
 * sessions. See PERSONAL_REFERENCES and docs/privacy.md.
 */
export async function erasePerson(ref: PersonRef, opts: { keepName?: boolean } = {}): Promise<ErasureResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await scopeOf(tx, ref);
    if (!s) throw new DomainError(404, 'not_found', 'No such person.');
    // Lock the registrations first: no link (which updates them) slips in meanwhile.
    if (s.registrationIds.length) await tx.select({ id: registrations.id }).from(registrations).where(anyOf(registrations.id, s.registrationIds)).for('update');
    const erased = new Map(s.keys.map((k) => [k, `erased:${randomUUID()}`]));
    const keyCase = (c: AnyPgColumn) =>
      sql`case ${c} ${sql.join(
        [...erased].map(([k, v]) => sql`when ${k} then ${v}`),
        sql` `,
      )} else ${c} end`;
    const keys = s.keys;
    const secrets = new Set([...s.emails, ...s.names.map((n) => n.toLowerCase()), ...keys.map((k) => k.toLowerCase()), ...(s.userId ? [s.userId.toLowerCase()] : [])]);
    const now = new Date();
    const counts: ErasureResult = { registrations: s.registrationIds.length, questions: 0, chatMessages: 0, resources: 0, proposals: 0 };

    if (keys.length) {
      counts.questions = (
        await tx
          .update(questions)
          .set({ authorKey: keyCase(questions.authorKey), authorName: '', anonymous: true })
          .where(inArray(questions.authorKey, keys))
          .returning({ id: questions.id })
      ).length;
      await tx.update(questionVotes).set({ voterKey: keyCase(questionVotes.voterKey) }).where(inArray(questionVotes.voterKey, keys));
      counts.chatMessages = (
        await tx
          .update(chatMessages)
          .set({ authorKey: keyCase(chatMessages.authorKey), authorName: '', body: '', deletedAt: sql`coalesce(${chatMessages.deletedAt}, now())`, deletedBy: 'erasure' })
          .where(inArray(chatMessages.authorKey, keys))
          .returning({ id: chatMessages.id })
      ).length;
      await tx.update(chatMessages).set({ deletedBy: keyCase(chatMessages.deletedBy) }).where(inArray(chatMessages.deletedBy, keys));
      await tx.update(chatReactions).set({ actorKey: keyCase(chatReactions.actorKey) }).where(inArray(chatReactions.actorKey, keys));
      await tx.update(roomSanctions).set({ targetKey: keyCase(roomSanctions.targetKey) }).where(inArray(roomSanctions.targetKey, keys));
      // Shared notes: the text stays the group's; its history no longer names the person.
      await tx.update(sessionNoteUpdates).set({ actorKey: keyCase(sessionNoteUpdates.actorKey), authorName: '' }).where(inArray(sessionNoteUpdates.actorKey, keys));
      await tx.update(roomSanctions).set({ createdBy: keyCase(roomSanctions.createdBy) }).where(inArray(roomSanctions.createdBy, keys));
      await tx.update(attendance).set({ actorKey: keyCase(attendance.actorKey) }).where(inArray(attendance.actorKey, keys));
      await tx.delete(rateHits).where(inArray(rateHits.actorKey, keys));
      await tx.update(pollAnswers).set({ actorKey: keyCase(pollAnswers.actorKey), name: '' }).where(inArray(pollAnswers.actorKey, keys));
      await tx.update(polls).set({ createdBy: keyCase(polls.createdBy) }).where(inArray(polls.createdBy, keys));
      // Live captions a captioner typed stay (they are what was said), under a key that names nobody.
      await tx.update(captionLines).set({ authorKey: keyCase(captionLines.authorKey) }).where(inArray(captionLines.authorKey, keys));
      const logs = await tx
        .select()
        .from(moderationLog)
        .where(or(inArray(moderationLog.actorKey, keys), inArray(moderationLog.targetKey, keys)));
      for (const log of logs) {
        await tx
          .update(moderationLog)
          .set({
            actorKey: erased.get(log.actorKey) ?? log.actorKey,
            targetKey: (log.targetKey && erased.get(log.targetKey)) ?? log.targetKey,
            details: scrubJson(log.details, secrets, '') as Record<string, unknown>,
          })
          .where(eq(moderationLog.id, log.id));
      }
    }

    // Resources and proposals stay (others read them), without the person's name or address.
    const authorName = (name: string) => (opts.keepName ? name : '');
    const names = new Set(s.names.map((n) => n.toLowerCase()));
    const theirs = await tx.select().from(resources).where(theirResources(s));
    counts.resources = theirs.length;
    for (const r of theirs) {
      await tx
        .update(resources)
        .set({
          proposerName: null,
          proposerEmail: null,
          authors: r.authors.map((a) => (a.kind === 'person' && names.has(a.name.toLowerCase()) ? { ...a, name: authorName(a.name) } : a)),
        })
        .where(eq(resources.id, r.id));
      const revisions = await tx.select().from(resourceRevisions).where(eq(resourceRevisions.resourceId, r.id));
      for (const rev of revisions) {
        await tx
          .update(resourceRevisions)
          .set({
            actorName: names.has(rev.actorName.toLowerCase()) ? '' : rev.actorName,
            snapshot: scrubJson(rev.snapshot, opts.keepName ? new Set([...s.emails]) : secrets, '') as Record<string, unknown>,
          })
          .where(eq(resourceRevisions.id, rev.id));
      }
    }
    if (s.userId) {
      const acted = await tx.select().from(resourceRevisions).where(eq(resourceRevisions.actorUserId, s.userId));
      for (const rev of acted) await tx.update(resourceRevisions).set({ actorName: '', actorUserId: null }).where(eq(resourceRevisions.id, rev.id));
    }
    const theirProposalRows = await tx.select({ id: proposals.id, proposerName: proposals.proposerName }).from(proposals).where(theirProposals(s));
    counts.proposals = theirProposalRows.length;
    for (const p of theirProposalRows) {
      await tx
        .update(proposals)
        .set({ proposerName: authorName(p.proposerName), proposerEmail: '', proposerUserId: null, needs: '', answers: [], preferredDays: [] })
        .where(eq(proposals.id, p.id));
    }
    // A proposer without a name on their account signed with the start of their e-mail address: that is their name too.
    for (const p of theirProposalRows) if (p.proposerName) names.add(p.proposerName.toLowerCase());
    const transitionsOf = or(
      s.userId ? eq(proposalTransitions.actorUserId, s.userId) : sql`false`,
      anyOf(
        proposalTransitions.proposalId,
        theirProposalRows.map((p) => p.id),
      ),
    )!;
    for (const tr of await tx.select().from(proposalTransitions).where(transitionsOf)) {
      if (tr.actorUserId === s.userId || names.has(tr.by.toLowerCase())) {
        await tx
          .update(proposalTransitions)
          .set({ by: names.has(tr.by.toLowerCase()) ? '' : tr.by, actorUserId: tr.actorUserId === s.userId ? null : tr.actorUserId })
          .where(eq(proposalTransitions.id, tr.id));
      }
    }
    await tx
      .update(proposalFacilitators)
      .set({ name: '', organization: null, email: null })
      .where(anyOf(lower(proposalFacilitators.email), s.emails));

    // An issued credential may have been downloaded: revoked, its place in the issuer's revocation
    // list kept (statusListDocument), and nothing of the person left on the row.
    await tx
      .update(badgeAwards)
      .set({
        recipientEmail: sql`'erased:' || ${badgeAwards.id}`,
        recipientName: '',
        evidence: null,
        decisionReason: null,
        credential: null,
        isPublic: false,
        revokedAt: sql`coalesce(${badgeAwards.revokedAt}, now())`,
      })
      .where(and(anyOf(lower(badgeAwards.recipientEmail), s.emails), isNotNull(badgeAwards.statusIndex)));
    // Deleted outright: what only served the person.
    await tx.delete(badgeAwards).where(anyOf(lower(badgeAwards.recipientEmail), s.emails));
    await tx.delete(badgeEndorsements).where(anyOf(lower(badgeEndorsements.endorserEmail), s.emails));
    await tx
      .delete(pathSubscriptions)
      .where(or(byUser(pathSubscriptions.userId, s), anyOf(pathSubscriptions.registrationId, s.registrationIds), anyOf(lower(pathSubscriptions.email), s.emails)));
    await tx.delete(verificationTokens).where(anyOf(lower(verificationTokens.identifier), s.emails));
    await tx
      .delete(mailOutbox)
      .where(or(anyOf(mailOutbox.registrationId, s.registrationIds), ...s.emails.map((e) => sql`position(${e} in lower(${mailOutbox.payload}::text)) > 0`)));
    await tx.delete(linkSessions).where(anyOf(linkSessions.registrationId, s.registrationIds));
    await tx.update(sessionFeedback).set({ registrationId: null, token: null }).where(anyOf(sessionFeedback.registrationId, s.registrationIds));
    await tx.update(resources).set({ proposerRegistrationId: null }).where(anyOf(resources.proposerRegistrationId, s.registrationIds));
    await tx.update(attachments).set({ uploadedByRegistration: null }).where(anyOf(attachments.uploadedByRegistration, s.registrationIds));
    if (s.userId) await tx.update(attachments).set({ uploadedBy: null }).where(eq(attachments.uploadedBy, s.userId));
    if (s.userId) await tx.update(replays).set({ createdBy: null }).where(eq(replays.createdBy, s.userId));

    // Seats in sessions not yet over are given up, as a cancellation would (the waiting list moves
    // up: `cancel_registration`); seats of past sessions stay, so that attendance figures stay true.
    const upcoming = await tx
      .select({ token: registrations.joinToken, sessionId: registrationSessions.sessionId })
      .from(registrationSessions)
      .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
      .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
      .where(and(anyOf(registrationSessions.registrationId, s.registrationIds), sql`${registrationSessions.status} <> 'cancelled'`, sql`${programmeSessions.endsAt} > now()`));
    for (const seat of upcoming) await tx.execute(sql`select cancel_registration(${seat.token}, ${seat.sessionId}::uuid)`);
    // Registrations stay, anonymised, so that seat and check-in counts stay true; one for an event
    // not yet over is cancelled.
    const regRows = await tx
      .select({ id: registrations.id, over: sql<boolean>`${events.endsAt} <= now()` })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(anyOf(registrations.id, s.registrationIds));
    for (const reg of regRows) {
      await tx
        .update(registrations)
        .set({
          name: '',
          email: erasedEmail(randomUUID()),
          joinToken: newToken(),
          mailToken: sql`new_token()`,
          calendarToken: sql`new_token()`,
          answers: {},
          consentAt: null,
          userId: null,
          updatedAt: now,
          ...(reg.over ? {} : { status: 'cancelled' as const }),
        })
        .where(eq(registrations.id, reg.id));
    }
    if (s.userId) {
      await tx.update(people).set({ userId: null }).where(eq(people.userId, s.userId));
      // Accounts, sign-in sessions, roles, committee seats and reviews go with it (foreign keys).
      await tx.delete(users).where(eq(users.id, s.userId));
    }
    return counts;
  });
}

/** The registration of a personal link's token, whatever its status, or null. */
export async function registrationIdOfToken(token: string): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.joinToken, token)).limit(1);
  return row?.id ?? null;
}

/** The name and e-mail the "my data" page greets the person with, or null when unknown. */
export async function personSummary(ref: PersonRef): Promise<{ name: string; email: string; hasAccount: boolean } | null> {
  const db = await getDb();
  const s = await scopeOf(db, ref);
  if (!s) return null;
  // An unproven registration's scope finds nothing by e-mail; its own address is still its own.
  const [own] = s.emails.length ? [] : await db.select({ email: registrations.email }).from(registrations).where(anyOf(registrations.id, s.registrationIds));
  return { name: s.names[0] ?? '', email: s.emails[0] ?? own?.email ?? '', hasAccount: s.userId !== null };
}

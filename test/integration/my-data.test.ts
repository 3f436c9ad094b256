import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalsOfSessions } from '@/server/calls/list-session-proposals';
import { listMessages } from '@/db/queries/chat';
import { getProgrammeSession } from '@/db/queries/events';
import { erasePerson, exportPersonData, PERSONAL_REFERENCES, registrationIdOfToken } from '@/db/queries/my-data';
import { listQuestions } from '@/db/queries/qa';
import { purgeExpired } from '@/db/queries/retention';
import * as schema from '@/db/schema';
import { seed } from '@/db/seed';
import { type Driver, useFreshDatabase } from './support';

// The tables this suite reads and writes.
const {
  accounts, achievements, attachments, attendance, badgeAwards, badgeEndorsements, badgeIssuers, callCommittee, calls, chatMessages, chatReactions,
  events, linkSessions, mailOutbox, moderationLog, pathSubscriptions, paths, people, pollAnswers, polls, programmeSessions, proposalFacilitators,
  proposalReviews, proposals, proposalTransitions, questions, questionVotes, rateHits, registrationSessions, registrations, resourceRevisions,
  resources, resourceSessions, retentionPurges, roleGrants, roomSanctions, sessions, users, verificationTokens,
} = schema;

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : (r as { rows: T[] }).rows);

type Person = { tag: string; name: string; email: string; userId: string | null; registrationId: string; token: string; questionId: string; messageId: string; resourceId: string; issuedAwardId: string };

/**
 * Personal data under the person's control (issue 15): the export holds everything of one person
 * and nothing of another; erasure leaves none of the person's name, e-mail, personal link or
 * account id in any column of any table, keeps counts, and the sessions they took part in still
 * render; the retention job purges past events only, once. Real Postgres, then PGlite.
 */
describe.each<Driver>(['postgres', 'pglite'])('personal data (%s)', (driver) => {
  let ctx: Awaited<ReturnType<typeof useFreshDatabase>>;
  let db: Awaited<ReturnType<typeof useFreshDatabase>>['handle']['db'];
  let eventId: string;
  let sessionId: string;
  let futureSessionId: string;
  let pollId: string;
  let callId: string;
  let issuerId: string;
  let achievementId: string;
  let issuedAchievementId: string;
  let statusIndex = 0;
  let pathId: string;
  const people_: Record<string, Person> = {};

  /** One person with a row in every table that can hold something of theirs. */
  async function populate(tag: string, opts: { account: boolean }): Promise<Person> {
    const name = `Personne ${tag} Zébulon${tag}`;
    const email = `personne.${tag}@privacy.test`;
    let userId: string | null = null;
    if (opts.account) {
      [{ id: userId }] = (await db.insert(users).values({ name, email, emailVerified: new Date() }).returning({ id: users.id })) as [{ id: string }];
      await db.insert(accounts).values({ userId, type: 'email', provider: 'email', providerAccountId: email });
      await db.insert(sessions).values({ sessionToken: `session-token-${tag}`, userId, expires: new Date(Date.now() + 3600_000) });
      await db.insert(verificationTokens).values({ identifier: email, token: `verify-${tag}`, expires: new Date(Date.now() + 3600_000) });
      await db.insert(roleGrants).values({ userId, role: 'speaker', eventId, sessionId });
      await db.insert(callCommittee).values({ callId, userId, name });
      await db.insert(people).values({ name: `Intervenant·e ${tag}`, key: `intervenant-${tag}`, userId });
    }
    const [reg] = await db
      .insert(registrations)
      // A proven address (its mailed link opened, or a sign-in with it): linked to the account with the same e-mail.
      .values({ eventId, name, email, userId, emailProvenAt: new Date(), answers: { besoins: `réponse privée ${tag}` }, consentAt: new Date(), checkedInAt: new Date() })
      .returning();
    const key = userId ? `user:${userId}` : `registration:${reg!.id}`;
    await db.insert(registrationSessions).values({ registrationId: reg!.id, sessionId, status: 'confirmed' });
    await db.insert(registrationSessions).values({ registrationId: reg!.id, sessionId: futureSessionId, status: 'confirmed' });
    await db.update(programmeSessions).set({ confirmedCount: sql`${programmeSessions.confirmedCount} + 1` }).where(sql`${programmeSessions.id} in (${sessionId}, ${futureSessionId})`);
    await db.insert(linkSessions).values({ secretHash: `hash-${tag}`, registrationId: reg!.id, expiresAt: new Date(Date.now() + 3600_000) });
    await db.insert(mailOutbox).values({ kind: 'confirmation', dedupeKey: `confirm-${tag}`, registrationId: reg!.id });
    const [q] = await db.insert(questions).values({ sessionId, authorKey: key, authorName: name, body: `Question de ${tag} ?`, status: 'visible' }).returning();
    const [m] = await db.insert(chatMessages).values({ sessionId, authorKey: key, authorName: name, body: `Bonjour de ${tag}` }).returning();
    await db.insert(chatReactions).values({ messageId: m!.id, actorKey: key, emoji: '👍' });
    await db.insert(pollAnswers).values({ pollId, actorKey: key, name, value: [0] });
    await db.insert(attendance).values({ sessionId, actorKey: key, participantSid: `PA_${tag}`, joinedAt: new Date(Date.now() - 600_000), leftAt: new Date() });
    await db.insert(roomSanctions).values({ sessionId, targetKey: key, kind: 'mute', createdBy: 'user:moderator' });
    await db.insert(moderationLog).values({ sessionId, actorKey: 'user:moderator', action: 'mute', targetKey: key, details: { name } });
    await db.insert(rateHits).values({ sessionId, actorKey: key, kind: 'react' });
    const [p] = await db
      .insert(proposals)
      .values({ callId, title: `Atelier ${tag}`, format: 'atelier', abstract: `Résumé ${tag}`, needs: `besoin ${tag}`, answers: [`réponse ${tag}`], proposerUserId: userId, proposerName: name, proposerEmail: email })
      .returning();
    await db.insert(proposalFacilitators).values({ proposalId: p!.id, name, email, organization: `Asso ${tag}` });
    await db.insert(proposalTransitions).values({ proposalId: p!.id, status: 'submitted', by: name, actorUserId: userId });
    const [r] = await db
      .insert(resources)
      .values({
        slug: `ressource-${tag}-${driver}`,
        title: `Ressource ${tag}`,
        format: 'meeting_report',
        status: 'published',
        authors: [{ name, kind: 'person' }, { name: 'Autre autrice', kind: 'person' }],
        proposed: true,
        proposerUserId: userId,
        proposerRegistrationId: userId ? null : reg!.id,
        proposerName: name,
        proposerEmail: email,
        createdBy: userId,
        publishedAt: new Date(),
      })
      .returning();
    await db.insert(resourceSessions).values({ resourceId: r!.id, sessionId });
    await db.insert(resourceRevisions).values({ resourceId: r!.id, version: 1, action: 'proposed', actorUserId: userId, actorName: name, snapshot: { proposerEmail: email, authors: [{ name }] } });
    await db.insert(attachments).values({ resourceId: r!.id, filename: `photo-${tag}.png`, contentType: 'image/png', size: 1, sha256: 'x', data: Buffer.from([1]), uploadedBy: userId, uploadedByRegistration: userId ? null : reg!.id });
    await db.insert(pathSubscriptions).values({ pathId, email, userId, registrationId: userId ? null : reg!.id });
    await db.insert(badgeAwards).values({ achievementId, issuerId, recipientEmail: email, recipientName: name, status: 'requested', evidence: `preuve ${tag}` });
    // An issued badge, at its own place in the issuer's revocation list.
    const [issued] = await db
      .insert(badgeAwards)
      .values({ achievementId: issuedAchievementId, issuerId, recipientEmail: email, recipientName: name, status: 'accepted', evidence: `fait ${tag}`, statusIndex: ++statusIndex, issuedAt: new Date(), credential: { credentialSubject: { name, email } } })
      .returning();
    await db.insert(badgeEndorsements).values({ achievementId, endorserEmail: email, endorserName: name, comment: `soutien ${tag}`, credential: { name } });
    if (userId) {
      await db.insert(proposalReviews).values({ proposalId: p!.id, userId, score: 3, comment: `avis ${tag}` });
    }
    return { tag, name, email, userId, registrationId: reg!.id, token: reg!.joinToken, questionId: q!.id, messageId: m!.id, resourceId: r!.id, issuedAwardId: issued!.id };
  }

  /** Every text, JSON and uuid column of every table, searched for each value: the rows where one is found. */
  async function findAnywhere(values: string[]): Promise<string[]> {
    const cols = rowsOf<{ table_name: string; column_name: string }>(
      await db.execute(sql`
        select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'uuid', 'ARRAY', 'USER-DEFINED')
          and c.table_name not like '\\_\\_%'`),
    );
    const found: string[] = [];
    for (const { table_name, column_name } of cols) {
      const hits = rowsOf<{ v: string }>(
        await db.execute(sql`
          select v from (values ${sql.join(
            values.map((v) => sql`(${v})`),
            sql`, `,
          )}) as s(v)
          where exists (select 1 from ${sql.identifier(table_name)} t where strpos(lower(t.${sql.identifier(column_name)}::text), lower(s.v)) > 0)`),
      );
      for (const { v } of hits) found.push(`${table_name}.${column_name} holds ${v}`);
    }
    return found;
  }

  /** What names the person: the registration keeps its opaque id (its seats are counted), never its key in live rooms. */
  const secretsOf = (p: Person) => [p.name, p.email, p.token, `registration:${p.registrationId}`, ...(p.userId ? [p.userId] : [])];

  beforeAll(async () => {
    ctx = await useFreshDatabase(driver);
    db = ctx.handle.db;
    eventId = (await seed(db)).demoEventId;
    // A session they took part in (over), and one still to come.
    const hour = 3600_000;
    const session = (slug: string, from: number) => ({ eventId, slug: `${slug}-${driver}`, title: slug, kind: 'session' as const, startsAt: new Date(Date.now() + from), endsAt: new Date(Date.now() + from + hour) });
    [{ id: sessionId }] = (await db.insert(programmeSessions).values(session('passee', -3 * hour)).returning({ id: programmeSessions.id })) as [{ id: string }];
    [{ id: futureSessionId }] = (await db
      .insert(programmeSessions)
      .values({ ...session('a-venir', 24 * hour), capacity: 3 })
      .returning({ id: programmeSessions.id })) as [{ id: string }];
    [{ id: pollId }] = (await db.insert(polls).values({ sessionId, kind: 'single', question: 'Oui ?', options: ['oui', 'non'], anonymous: false, createdBy: 'user:moderator' }).returning({ id: sql<string>`id` })) as [{ id: string }];
    [{ id: callId }] = (await db
      .insert(calls)
      .values({ eventId, slug: `appel-vie-privee-${driver}`, title: 'Appel', opensAt: new Date(), closesAt: new Date(), answerBy: new Date(), committeeName: 'Le comité' })
      .returning({ id: sql<string>`id` })) as [{ id: string }];
    [{ id: issuerId }] = (await db
      .insert(badgeIssuers)
      .values({ slug: `issuer-privacy-${driver}`, name: 'Émetteur', publicKeyMultibase: 'z', secretKeyEncrypted: 'x' })
      .returning({ id: sql<string>`id` })) as [{ id: string }];
    [{ id: achievementId }] = (await db
      .insert(achievements)
      .values({ issuerId, kind: 'request', name: 'Badge', description: 'd', criteria: 'c', image: 'data:,' })
      .returning({ id: sql<string>`id` })) as [{ id: string }];
    [{ id: issuedAchievementId }] = (await db
      .insert(achievements)
      .values({ issuerId, kind: 'participated', name: 'Participation', description: 'd', criteria: 'c', image: 'data:,' })
      .returning({ id: sql<string>`id` })) as [{ id: string }];
    [{ id: pathId }] = (await db.select({ id: paths.id }).from(paths).limit(1)) as [{ id: string }];
    people_.a = await populate('alice', { account: true });
    people_.b = await populate('bruno', { account: true });
    people_.c = await populate('carla', { account: false });
    // Each votes for the others' questions.
    for (const voter of Object.values(people_)) {
      for (const other of Object.values(people_)) {
        if (other === voter) continue;
        const key = voter.userId ? `user:${voter.userId}` : `registration:${voter.registrationId}`;
        await db.insert(questionVotes).values({ questionId: other.questionId, voterKey: key });
        await db.update(questions).set({ votes: sql`${questions.votes} + 1` }).where(eq(questions.id, other.questionId));
      }
    }
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('handles every column that points at an account, a registration or a person (a new one must be added to erasePerson)', async () => {
    const refs = rowsOf<{ ref: string }>(
      await db.execute(sql`
        select distinct kcu.table_name || '.' || kcu.column_name as ref from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name in ('users', 'registrations', 'people')`),
    ).map((r) => r.ref);
    expect(refs.sort()).toEqual(Object.keys(PERSONAL_REFERENCES).sort());
  });

  it('exports everything of one person and nothing of another', async () => {
    const a = people_.a!;
    const data = await exportPersonData({ userId: a.userId! });
    expect(data.account).toMatchObject({ name: a.name, email: a.email });
    expect(data.registrations).toHaveLength(1);
    expect(data.registrations[0]).toMatchObject({ name: a.name, answers: { besoins: 'réponse privée alice' } });
    expect(data.registrations[0]!.seats).toHaveLength(2);
    expect(data.questions.map((q) => q.body)).toEqual(['Question de alice ?']);
    expect(data.votes).toHaveLength(2);
    expect(data.chatMessages.map((m) => m.body)).toEqual(['Bonjour de alice']);
    expect(data.chatReactions).toHaveLength(1);
    expect(data.pollAnswers).toHaveLength(1);
    expect(data.attendance).toHaveLength(1);
    expect(data.sanctions).toHaveLength(1);
    expect(data.proposals.map((p) => p.needs)).toEqual(['besoin alice']);
    expect(data.cofacilitations).toHaveLength(1);
    expect(data.committees).toHaveLength(1);
    expect(data.reviews).toHaveLength(1);
    expect(data.resources.map((r) => r.title)).toEqual(['Ressource alice']);
    expect(data.attachments).toHaveLength(1);
    expect(data.pathSubscriptions).toHaveLength(1);
    expect(data.badges.map((b) => b.evidence)).toEqual(['preuve alice', 'fait alice']);
    expect(data.endorsements).toHaveLength(1);
    expect(data.roles).toHaveLength(1);
    expect(data.speakerProfiles).toHaveLength(1);
    expect(data.signInProviders).toHaveLength(1);
    expect(data.openSessions).toHaveLength(1);
    expect(data.personalLinkBrowsers).toHaveLength(1);
    const text = JSON.stringify(data).toLowerCase();
    for (const other of [people_.b!, people_.c!]) {
      for (const secret of [...secretsOf(other), other.tag]) expect(text, `holds ${secret} of ${other.tag}`).not.toContain(secret.toLowerCase());
    }
    // Secrets of A's own sign-in are counted, never shown.
    expect(text).not.toContain('session-token-alice');
    expect(text).not.toContain(a.token.toLowerCase());
  });

  it('exports the data of a registrant without an account from their personal link', async () => {
    const c = people_.c!;
    const id = await registrationIdOfToken(c.token);
    expect(id).toBe(c.registrationId);
    const data = await exportPersonData({ registrationId: id! });
    expect(data.account).toBeNull();
    expect(data.registrations.map((r) => r.email)).toEqual([c.email]);
    expect(data.questions).toHaveLength(1);
    expect(data.resources).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('alice');
  });

  it('erases a person: none of their name, e-mail, link or ids anywhere; counts stay; the session still renders', async () => {
    const a = people_.a!;
    const before = await db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId));
    const result = await erasePerson({ userId: a.userId! });
    expect(result).toMatchObject({ registrations: 1, questions: 1, chatMessages: 1, resources: 1, proposals: 1 });
    expect(await findAnywhere(secretsOf(a))).toEqual([]);
    // Nothing of the others was touched.
    expect((await findAnywhere([people_.b!.email])).length).toBeGreaterThan(0);
    expect(await db.select().from(users).where(eq(users.id, people_.b!.userId!))).toHaveLength(1);
    // Counts stay: votes on A's question, A's votes on the others', attendance, reactions, seats, poll answers.
    const [q] = await db.select().from(questions).where(eq(questions.id, a.questionId));
    expect(q).toMatchObject({ votes: 2, anonymous: true, authorName: '', body: 'Question de alice ?' });
    expect(await db.select().from(questionVotes).where(eq(questionVotes.questionId, a.questionId))).toHaveLength(2);
    const [qb] = await db.select().from(questions).where(eq(questions.id, people_.b!.questionId));
    expect(await db.select().from(questionVotes).where(eq(questionVotes.questionId, qb!.id))).toHaveLength(qb!.votes);
    expect(await db.select().from(attendance).where(eq(attendance.sessionId, sessionId))).toHaveLength(3);
    expect(await db.select().from(pollAnswers).where(eq(pollAnswers.pollId, pollId))).toHaveLength(3);
    const after = await db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId));
    expect(after[0]!.confirmedCount).toBe(before[0]!.confirmedCount);
    expect(await db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, sessionId))).toHaveLength(3);
    // The seat in the session still to come is given up, as a cancellation would.
    const [future] = await db.select().from(programmeSessions).where(eq(programmeSessions.id, futureSessionId));
    expect(future!.confirmedCount).toBe(2);
    const [seat] = await db.select().from(registrationSessions).where(sql`${registrationSessions.registrationId} = ${a.registrationId} and ${registrationSessions.sessionId} = ${futureSessionId}`);
    expect(seat!.status).toBe('cancelled');
    expect((await db.select().from(registrations).where(eq(registrations.id, a.registrationId)))[0]!.status).toBe('cancelled');
    // Signed out everywhere; the personal link no longer opens anything.
    expect(await registrationIdOfToken(a.token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.sessionToken, 'session-token-alice'))).toHaveLength(0);
    // The published resource stays, authored by a former participant (an empty name, rendered from the catalogues).
    const [r] = await db.select().from(resources).where(eq(resources.id, a.resourceId));
    expect(r).toMatchObject({ status: 'published', proposerName: null, proposerEmail: null });
    expect(r!.authors).toEqual([{ name: '', kind: 'person' }, { name: 'Autre autrice', kind: 'person' }]);
    // A badge already issued is revoked, at its place in the issuer's list; nothing of A is left on it.
    const [award] = await db.select().from(badgeAwards).where(eq(badgeAwards.id, a.issuedAwardId));
    expect(award).toMatchObject({ statusIndex: expect.any(Number), recipientName: '', credential: null, isPublic: false });
    expect(award!.revokedAt).toBeInstanceOf(Date);
    const [awardB] = await db.select().from(badgeAwards).where(eq(badgeAwards.id, people_.b!.issuedAwardId));
    expect(awardB!.revokedAt).toBeNull();
    // The chat message is erased, shown as deleted.
    expect((await listMessages(sessionId)).messages.map((m) => m.id)).not.toContain(a.messageId);
    // What the session page reads still reads.
    const [ev] = await db.select({ slug: events.slug }).from(events).where(eq(events.id, eventId));
    const [se] = await db.select({ slug: programmeSessions.slug }).from(programmeSessions).where(eq(programmeSessions.id, sessionId));
    expect(await getProgrammeSession({ slug: ev!.slug, sessionSlug: se!.slug })).toBeTruthy();
    const listed = await listQuestions(sessionId, { actorKey: null, isModerator: false });
    const mine = listed.find((x) => x.id === a.questionId)!;
    expect(mine.body).toBe('Question de alice ?');
    expect(JSON.stringify(mine)).not.toContain(a.name);
    await proposalsOfSessions([sessionId]);
    // Erasing twice: the account is gone.
    await expect(erasePerson({ userId: a.userId! })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an unproven registration of an address with an account acts for itself alone: export and erase', async () => {
    const b = people_.b!;
    // Someone typed B's address for another event: they hold its join token, nothing more.
    const [event2] = await db.insert(events).values({ slug: `autre-${driver}`, title: 'Autre', startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) }).returning();
    const [typed] = await db.insert(registrations).values({ eventId: event2!.id, name: 'Mallory', email: b.email, consentAt: new Date() }).returning();
    expect(typed!.userId).toBeNull();
    const data = await exportPersonData({ registrationId: typed!.id });
    expect(data.account).toBeNull();
    expect(data.registrations.map((r) => r.id)).toEqual([typed!.id]);
    expect(JSON.stringify(data)).not.toContain(b.userId!);
    expect(data.questions).toEqual([]);
    expect(data.resources).toEqual([]);
    await erasePerson({ registrationId: typed!.id });
    expect(await db.select().from(users).where(eq(users.id, b.userId!))).toHaveLength(1);
    const [stillB] = await db.select().from(registrations).where(eq(registrations.id, b.registrationId));
    expect(stillB).toMatchObject({ email: b.email, userId: b.userId });
  });

  it('erases a registrant without an account from their personal link', async () => {
    const c = people_.c!;
    await erasePerson({ registrationId: c.registrationId });
    expect(await findAnywhere(secretsOf(c))).toEqual([]);
    expect(await db.select().from(registrations).where(eq(registrations.id, c.registrationId))).toHaveLength(1);
  });

  it('keeps the name on resources and proposals when the person chooses so', async () => {
    const b = people_.b!;
    await erasePerson({ userId: b.userId! }, { keepName: true });
    const [r] = await db.select().from(resources).where(eq(resources.id, b.resourceId));
    expect(r!.authors[0]).toEqual({ name: b.name, kind: 'person' });
    expect(await findAnywhere([b.email, b.token, b.userId!])).toEqual([]);
    const found = await findAnywhere([b.name]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => /^(resources\.authors|proposals\.proposer_name|resource_revisions\.snapshot)/.test(f))).toBe(true);
  });

  it('erases the signature of a proposer whose account has no name (they signed with the start of their address)', async () => {
    const email = `sans.nom@privacy.test`;
    const [{ id: userId }] = (await db.insert(users).values({ email }).returning({ id: users.id })) as [{ id: string }];
    const [p] = await db
      .insert(proposals)
      .values({ callId, title: 'Sans nom', format: 'atelier', abstract: 'r', proposerUserId: userId, proposerName: 'sans.nom', proposerEmail: email, sessionId: futureSessionId })
      .returning();
    await db.insert(proposalFacilitators).values({ proposalId: p!.id, name: 'sans.nom', email, confirmedAt: new Date() });
    await db.insert(proposalTransitions).values([
      { proposalId: p!.id, status: 'submitted', by: 'sans.nom', actorUserId: userId },
      { proposalId: p!.id, status: 'under_review', by: 'Le comité', actorUserId: null },
    ]);
    await erasePerson({ userId });
    expect((await db.select().from(proposals).where(eq(proposals.id, p!.id)))[0]!.proposerName).toBe('');
    const trail = await db.select().from(proposalTransitions).where(eq(proposalTransitions.proposalId, p!.id));
    expect(trail.map((t) => t.by).sort()).toEqual(['', 'Le comité']);
    expect(await findAnywhere(['sans.nom'])).toEqual([]);
    // The programme's "proposé par" gets an empty name, which the pages show as a former participant (formerNames).
    expect((await proposalsOfSessions([futureSessionId])).get(futureSessionId)!.by).toEqual(['']);
  });

  it('purges chat, attendance and check-ins of events past their retention time, once, and of no other', async () => {
    const now = new Date();
    const monthsAgo = (m: number) => new Date(now.getTime() - m * 30.5 * 86_400_000);
    async function pastEvent(slug: string, endsAt: Date) {
      const [e] = await db.insert(events).values({ slug: `${slug}-${driver}`, title: slug, startsAt: new Date(endsAt.getTime() - 3600_000), endsAt }).returning();
      const [s] = await db
        .insert(programmeSessions)
        .values({ eventId: e!.id, slug: 's', title: 'S', kind: 'session', startsAt: e!.startsAt, endsAt })
        .returning();
      await db.insert(chatMessages).values([
        { sessionId: s!.id, authorKey: 'user:x', authorName: 'X', body: 'un' },
        { sessionId: s!.id, authorKey: 'user:y', authorName: 'Y', body: 'deux' },
      ]);
      await db.insert(attendance).values([
        { sessionId: s!.id, actorKey: 'user:x', participantSid: `PA_${slug}_${driver}_1`, joinedAt: e!.startsAt },
        { sessionId: s!.id, actorKey: 'user:x', participantSid: `PA_${slug}_${driver}_2`, joinedAt: e!.startsAt },
        { sessionId: s!.id, actorKey: 'user:y', participantSid: `PA_${slug}_${driver}_3`, joinedAt: e!.startsAt },
      ]);
      await db.insert(registrations).values({ eventId: e!.id, name: 'Z', email: `z-${slug}@privacy.test`, checkedInAt: e!.startsAt });
      return { eventId: e!.id, sessionId: s!.id };
    }
    const old = await pastEvent('ancien', monthsAgo(13));
    const recent = await pastEvent('recent', monthsAgo(11));
    const done = await purgeExpired({ months: 12, now });
    const mineDone = done.filter((d) => d.eventId === old.eventId || d.eventId === recent.eventId);
    expect(mineDone).toEqual([{ eventId: old.eventId, chatMessages: 2, attendance: 3, checkIns: 1 }]);
    expect(await db.select().from(chatMessages).where(eq(chatMessages.sessionId, old.sessionId))).toHaveLength(0);
    const att = await db.select().from(attendance).where(eq(attendance.sessionId, old.sessionId));
    expect(att).toHaveLength(3);
    expect(att.every((x) => x.actorKey.startsWith('expired:'))).toBe(true);
    // One key per person and session: distinct attendees are still counted.
    expect(new Set(att.map((x) => x.actorKey)).size).toBe(2);
    expect((await db.select().from(registrations).where(eq(registrations.eventId, old.eventId)))[0]!.checkedInAt).toBeNull();
    // The recent event is untouched.
    expect(await db.select().from(chatMessages).where(eq(chatMessages.sessionId, recent.sessionId))).toHaveLength(2);
    expect((await db.select().from(registrations).where(eq(registrations.eventId, recent.eventId)))[0]!.checkedInAt).not.toBeNull();
    // Recorded in the table: a second pass (as after a restart) purges nothing again.
    expect(await db.select().from(retentionPurges).where(eq(retentionPurges.eventId, old.eventId))).toHaveLength(1);
    expect(await purgeExpired({ months: 12, now })).toEqual([]);
    // Later, the recent one's turn comes.
    const later = await purgeExpired({ months: 12, now: new Date(now.getTime() + 62 * 86_400_000) });
    expect(later.map((d) => d.eventId)).toContain(recent.eventId);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import { CONNECTION_SETTINGS, executePrepared, openDatabase } from '@/db/client';
import { publicEvents, publicSessions } from '@/db/queries/public';
import { cancel, createInvitationCode, questionsOf, register, registrationQueue } from '@/db/queries/registrations';
import { events, programmeSessions, registrations, registrationSessions } from '@/db/schema';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { DomainError } from '@/lib/errors';
import type { Question } from '@/lib/domain/questions';
import { seededDemo, seedUpcomingWorkshop } from './factories';
import { type Driver, freshPostgres, useFreshDatabase } from './support';

const req = (email: string, sessionIds: string[] = [], extra: Record<string, unknown> = {}) =>
  registrationRequest.parse({ name: email.split('@')[0], email, sessionIds, consent: true, ...extra });

// The same cases on both databases: Postgres, and PGlite (the default database), which runs one
// statement at a time on one connection.
describe.each<Driver>(['postgres', 'pglite'])('registrations on %s, under concurrency', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let handle: typeof db.handle;
  let eventId: string;

  const newSession = (slug: string, capacity: number | null, visibility: 'public' | 'invitation' = 'public') =>
    seedUpcomingWorkshop(handle.db, { eventId, slug, capacity, visibility });
  /** The kept counter always equals the confirmed seats. */
  async function expectCounterInStep(sessionId: string) {
    const [row] = await executePrepared<{ kept: number; actual: number }>(handle.db, sql`
      select s.confirmed_count as kept,
             (select count(*)::int from registration_sessions rs where rs.session_id = s.id and rs.status = 'confirmed') as actual
        from programme_sessions s where s.id = ${sessionId}`);
    expect((row as { kept: number }).kept).toBe((row as { actual: number }).actual);
  }
  async function seats(sessionId: string) {
    return handle.db
      .select({ status: registrationSessions.status, email: registrations.email })
      .from(registrationSessions)
      .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
      .where(eq(registrationSessions.sessionId, sessionId))
      .orderBy(registrationSessions.requestedAt);
  }

  beforeAll(async () => {
    ({ db, handle, eventId } = await seededDemo(driver));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('500 concurrent registrations for 50 seats end with exactly 50 confirmed and 450 waitlisted', async () => {
    const sessionId = await newSession('capacity-50', 50);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => register(DEMO_EVENT_SLUG, req(`p${i}@load.test`, [sessionId]))),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const statuses = results.map((r) => r.registration.sessions[0]!.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(450);
    const rows = await seats(sessionId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    const listed = (await publicSessions(DEMO_EVENT_SLUG))!.find((s) => s.id === sessionId)!;
    expect(listed).toMatchObject({ capacity: 50, confirmedCount: 50, waitlistCount: 450 });
    await expectCounterInStep(sessionId);
  });

  it('the same e-mail 20 times at once yields one registration and one seat', async () => {
    const sessionId = await newSession('double-click', 5);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => register(DEMO_EVENT_SLUG, req('Same@Person.test', [sessionId]))),
    );
    expect(new Set(results.map((r) => r.registration.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // The other nineteen came from nobody who holds the registration: nothing changed, its link was mailed.
    expect(results.filter((r) => r.mailed)).toHaveLength(19);
    const rows = await handle.db.select().from(registrations).where(eq(registrations.email, 'same@person.test'));
    expect(rows).toHaveLength(1);
    expect(await seats(sessionId)).toEqual([{ status: 'confirmed', email: 'same@person.test' }]);
    await expectCounterInStep(sessionId);
  });

  it('requests arriving together are written together: seats in arrival order, each refusal its own', async () => {
    const small = await newSession('together-small', 2);
    const open = await newSession('together-open', null);
    const invited = await newSession('together-invited', null, 'invitation');
    const before = await register(DEMO_EVENT_SLUG, req('back@together.test', [open]));
    const [mailsBefore] = await executePrepared<{ n: number }>(handle.db, sql`select count(*)::int as n from mail_outbox`);

    // All sent in the same turn of the event loop.
    const settled = await Promise.allSettled([
      register(DEMO_EVENT_SLUG, req('one@together.test', [small, open])),
      register(DEMO_EVENT_SLUG, req('two@together.test', [small])),
      register(DEMO_EVENT_SLUG, req('bad-session@together.test', [small, '00000000-0000-4000-8000-000000000000'])),
      register(DEMO_EVENT_SLUG, req('three@together.test', [small])),
      register(DEMO_EVENT_SLUG, req('bad-answer@together.test', [small], { answers: { dejeuner: 'peut-être' } })),
      register(DEMO_EVENT_SLUG, req('no-code@together.test', [invited])),
      register(DEMO_EVENT_SLUG, req('back@together.test', [open, small]), 'fr', { holder: before.registration.id }),
      register(DEMO_EVENT_SLUG, req('four@together.test', [small])),
    ]);
    const [one, two, badSession, three, badAnswer, noCode, back, four] = settled;
    const value = (r: PromiseSettledResult<Awaited<ReturnType<typeof register>>>) => {
      expect(r.status).toBe('fulfilled');
      return (r as PromiseFulfilledResult<Awaited<ReturnType<typeof register>>>).value;
    };
    expect(value(one!).registration.sessions).toEqual([
      { sessionId: small < open ? small : open, status: 'confirmed', mode: 'onsite' },
      { sessionId: small < open ? open : small, status: 'confirmed', mode: 'onsite' },
    ]);
    expect(value(two!).registration.sessions).toEqual([{ sessionId: small, status: 'confirmed', mode: 'onsite' }]);
    expect(value(three!).registration.sessions).toEqual([{ sessionId: small, status: 'waitlisted', mode: 'onsite' }]);
    expect(value(four!).registration.sessions).toEqual([{ sessionId: small, status: 'waitlisted', mode: 'onsite' }]);
    // The person who came back keeps their seat and joins the list for the new session.
    expect(value(back!)).toMatchObject({ created: false, registration: { id: before.registration.id, joinToken: before.registration.joinToken } });
    expect(value(back!).registration.sessions).toEqual([
      { sessionId: open, status: 'confirmed', mode: 'onsite' },
      { sessionId: small, status: 'waitlisted', mode: 'onsite' },
    ]);
    expect(badSession).toMatchObject({ status: 'rejected', reason: { status: 404, code: 'session_not_found' } });
    expect(badAnswer).toMatchObject({ status: 'rejected', reason: { status: 400, code: 'invalid' } });
    expect(noCode).toMatchObject({ status: 'rejected', reason: { status: 403, code: 'invitation_required' } });

    // Nothing is stored for the refused requests; the waiting list keeps the arrival order.
    const stored = await handle.db.select({ email: registrations.email }).from(registrations).where(sql`${registrations.email} like '%@together.test'`);
    expect(stored.map((r) => r.email).sort()).toEqual(['back@together.test', 'four@together.test', 'one@together.test', 'three@together.test', 'two@together.test']);
    expect(await seats(small)).toEqual([
      { status: 'confirmed', email: 'one@together.test' },
      { status: 'confirmed', email: 'two@together.test' },
      { status: 'waitlisted', email: 'three@together.test' },
      { status: 'waitlisted', email: 'back@together.test' },
      { status: 'waitlisted', email: 'four@together.test' },
    ]);
    await expectCounterInStep(small);
    await expectCounterInStep(open);
    // One confirmation mail for each new registration and for the one that asked for more.
    const [mailsAfter] = await executePrepared<{ n: number }>(handle.db, sql`select count(*)::int as n from mail_outbox`);
    expect((mailsAfter as { n: number }).n - (mailsBefore as { n: number }).n).toBe(5);
    // A cancellation promotes the earliest request of the batch that waits.
    const freed = await cancel(value(two!).registration.joinToken, small);
    expect(freed.promoted).toEqual([{ sessionId: small, registrationIds: [value(three!).registration.id] }]);
  });

  it('what organizers change between batches applies to the next one: cancelled, by invitation, new questions, new sessions, new slug', async () => {
    const cancelled = await newSession('stale-cancelled', 5);
    const closed = await newSession('stale-closed', null);
    const open = await newSession('stale-open', 3);
    // People registered before the changes.
    const warm = await Promise.all([
      register(DEMO_EVENT_SLUG, req('warm1@stale.test', [cancelled, closed, open])),
      register(DEMO_EVENT_SLUG, req('warm2@stale.test', [cancelled, closed])),
    ]);
    expect(warm.map((w) => w.registration.sessions.every((s) => s.status === 'confirmed'))).toEqual([true, true]);

    // Then the organizers change things: the next batch is checked against the event as it is.
    await handle.db.update(programmeSessions).set({ status: 'cancelled' }).where(eq(programmeSessions.id, cancelled));
    await handle.db.update(programmeSessions).set({ visibility: 'invitation' }).where(eq(programmeSessions.id, closed));
    const first = await Promise.allSettled([
      register(DEMO_EVENT_SLUG, req('to-cancelled@stale.test', [cancelled])),
      register(DEMO_EVENT_SLUG, req('to-closed@stale.test', [closed])),
      register(DEMO_EVENT_SLUG, req('to-open@stale.test', [open])),
    ]);
    expect(first[0]).toMatchObject({ status: 'rejected', reason: { status: 400, code: 'session_cancelled' } });
    expect(first[1]).toMatchObject({ status: 'rejected', reason: { status: 403, code: 'invitation_required' } });
    expect(first[2]).toMatchObject({ status: 'fulfilled', value: { registration: { sessions: [{ sessionId: open, status: 'confirmed', mode: 'onsite' }] } } });

    // New questions.
    await handle.db.execute(sql`insert into event_questions (event_id, key, label, kind, required, position)
                                values (${eventId}, 'atelier_prefere', 'Atelier préféré', 'text', true, 99)`);
    try {
      const second = await Promise.allSettled([
        register(DEMO_EVENT_SLUG, req('old-answers@stale.test', [open])),
        register(DEMO_EVENT_SLUG, req('new-answers@stale.test', [open], { answers: { atelier_prefere: 'Cartographie' } })),
      ]);
      expect(second[0]).toMatchObject({ status: 'rejected', reason: { status: 400, code: 'invalid', fields: { 'answers.atelier_prefere': expect.any(String) } } });
      expect(second[1]).toMatchObject({ status: 'fulfilled', value: { registration: { sessions: [{ sessionId: open, status: 'confirmed', mode: 'onsite' }] } } });

      // A session added since is found.
      const added = await newSession('stale-added', 1);
      const third = await Promise.all([
        register(DEMO_EVENT_SLUG, req('added1@stale.test', [open, added], { answers: { atelier_prefere: 'x' } })),
        register(DEMO_EVENT_SLUG, req('added2@stale.test', [added], { answers: { atelier_prefere: 'x' } })),
      ]);
      const statusBySession = (r: (typeof third)[number]) => Object.fromEntries(r.registration.sessions.map((x) => [x.sessionId, x.status]));
      expect(statusBySession(third[0]!)).toEqual({ [open]: 'waitlisted', [added]: 'confirmed' });
      expect(statusBySession(third[1]!)).toEqual({ [added]: 'waitlisted' });

      const stored = await handle.db.select({ email: registrations.email, answers: registrations.answers }).from(registrations).where(sql`${registrations.email} like '%@stale.test'`);
      expect(stored.map((r) => r.email).sort()).toEqual(['added1@stale.test', 'added2@stale.test', 'new-answers@stale.test', 'to-open@stale.test', 'warm1@stale.test', 'warm2@stale.test']);
      expect(stored.find((r) => r.email === 'new-answers@stale.test')!.answers).toEqual({ atelier_prefere: 'Cartographie' });
      expect((await seats(cancelled)).map((s) => s.email)).toEqual(['warm1@stale.test', 'warm2@stale.test']);
      await expectCounterInStep(open);
      await expectCounterInStep(added);

      // The event moves to another address: the old one is no longer known.
      await handle.db.update(events).set({ slug: 'edition-renamed' }).where(eq(events.id, eventId));
      const moved = await Promise.allSettled([
        register(DEMO_EVENT_SLUG, req('old-slug1@stale.test', [open], { answers: { atelier_prefere: 'x' } })),
        register(DEMO_EVENT_SLUG, req('old-slug2@stale.test', [open], { answers: { atelier_prefere: 'x' } })),
      ]);
      expect(moved.map((m) => m.status === 'rejected' && (m.reason as DomainError).code)).toEqual(['event_not_found', 'event_not_found']);
      const renamed = await register('edition-renamed', req('new-slug@stale.test', [open], { answers: { atelier_prefere: 'x' } }));
      expect(renamed.registration.sessions).toEqual([{ sessionId: open, status: 'waitlisted', mode: 'onsite' }]);
    } finally {
      await handle.db.update(events).set({ slug: DEMO_EVENT_SLUG }).where(eq(events.id, eventId));
      await handle.db.execute(sql`delete from event_questions where event_id = ${eventId} and key = 'atelier_prefere'`);
    }
  });

  it('an answer to a question added since the last registration is accepted, even alone in its batch', async () => {
    const session = await newSession('new-question', null);
    // Someone registers…
    await register(DEMO_EVENT_SLUG, req('before@new-question.test', [session]));
    // …then an organizer adds an optional question.
    await handle.db.execute(sql`insert into event_questions (event_id, key, label, kind, required, position)
                                values (${eventId}, 'nouvelle_question', 'Nouvelle question', 'text', false, 98)`);
    try {
      const r = await register(DEMO_EVENT_SLUG, req('after@new-question.test', [session], { answers: { nouvelle_question: 'Oui' } }));
      expect(r.registration.sessions).toEqual([{ sessionId: session, status: 'confirmed', mode: 'onsite' }]);
      const [stored] = await handle.db.select({ answers: registrations.answers }).from(registrations).where(eq(registrations.email, 'after@new-question.test'));
      expect(stored!.answers).toEqual({ nouvelle_question: 'Oui' });
      // An unknown question is still refused, against the current event.
      await expect(register(DEMO_EVENT_SLUG, req('bad@new-question.test', [session], { answers: { inconnue: 'x' } }))).rejects.toMatchObject({
        status: 400,
        fields: { 'answers.inconnue': 'unknown question' },
      });
    } finally {
      await handle.db.execute(sql`delete from event_questions where event_id = ${eventId} and key = 'nouvelle_question'`);
    }
  });

  // PGlite has one connection: a transaction holding a lock holds up everything, by design.
  it.skipIf(driver === 'pglite')('a batch waiting on a session’s lock holds up its own event only', async () => {
    const held = await newSession('verrou', 10);
    const [other] = await handle.db.select().from(events).where(sql`${events.slug} <> ${DEMO_EVENT_SLUG}`).limit(1);
    const free = await seedUpcomingWorkshop(handle.db, { eventId: other!.id, slug: 'ailleurs' });

    // Another transaction holds the session's row lock (an organizer's edit, say) until released.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from programme_sessions where id = ${held} for update`);
      locked();
      await new Promise<void>((r) => (release = r));
    });
    await isLocked;

    let waitingDone = false;
    const waiting = register(DEMO_EVENT_SLUG, req('waits@lock.test', [held])).finally(() => (waitingDone = true));
    // The other event's registration is written while the first batch waits on the lock.
    const elsewhere = await register(other!.slug, req('free@lock.test', [free]));
    expect(elsewhere.registration.sessions).toEqual([{ sessionId: free, status: 'confirmed', mode: 'onsite' }]);
    expect(waitingDone).toBe(false);

    release();
    await holder;
    expect((await waiting).registration.sessions).toEqual([{ sessionId: held, status: 'confirmed', mode: 'onsite' }]);
    await expectCounterInStep(held);
  });

  it('cancellations promote the waiting list in order', async () => {
    const sessionId = await newSession('promote', 2);
    const people = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) people.push(await register(DEMO_EVENT_SLUG, req(`${name}@order.test`, [sessionId])));
    expect(people.map((p) => p.registration.sessions[0]!.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    const first = await cancel(people[0]!.registration.joinToken, sessionId);
    expect(first.promoted).toEqual([{ sessionId, registrationIds: [people[2]!.registration.id] }]);
    await cancel(people[1]!.registration.joinToken); // the whole registration
    const rows = await seats(sessionId);
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => r.email).sort()).toEqual(['c@order.test', 'd@order.test']);
    expect(rows.find((r) => r.email === 'e@order.test')!.status).toBe('waitlisted');
    // Cancelling a waitlisted seat promotes nobody; cancelling twice is refused.
    expect((await cancel(people[4]!.registration.joinToken, sessionId)).promoted).toEqual([]);
    await expect(cancel(people[4]!.registration.joinToken, sessionId)).rejects.toMatchObject({ code: 'seat_not_found' });
    await expect(cancel('no-such-token')).rejects.toMatchObject({ status: 404 });
    await expectCounterInStep(sessionId);
  });

  it('invitation-only sessions need a valid code; used-up codes are refused and nothing is stored', async () => {
    const sessionId = await newSession('by-invitation', null, 'invitation');
    await expect(register(DEMO_EVENT_SLUG, req('x@inv.test', [sessionId]))).rejects.toMatchObject({ status: 403, code: 'invitation_required' });
    await expect(register(DEMO_EVENT_SLUG, req('x@inv.test', [sessionId], { invitationCode: 'WRONG' }))).rejects.toMatchObject({
      status: 403,
      code: 'invitation_invalid',
    });
    expect(await handle.db.select().from(registrations).where(eq(registrations.email, 'x@inv.test'))).toHaveLength(0);
    await handle.db.transaction((tx) => createInvitationCode(tx, { eventId, sessionId, code: 'ONCE-2026', maxUses: 1 }));
    const ok = await register(DEMO_EVENT_SLUG, req('x@inv.test', [sessionId], { invitationCode: 'ONCE-2026' }));
    expect(ok.registration.sessions).toEqual([{ sessionId, status: 'confirmed', mode: 'onsite' }]);
    // Registering again with the same e-mail does not need (or spend) the code again.
    const again = await register(DEMO_EVENT_SLUG, req('x@inv.test', [sessionId]));
    expect(again.created).toBe(false);
    await expect(register(DEMO_EVENT_SLUG, req('y@inv.test', [sessionId], { invitationCode: 'ONCE-2026' }))).rejects.toMatchObject({
      code: 'invitation_used_up',
    });
  });

  it('refuses unknown events and sessions of another event with 404s', async () => {
    await expect(register('no-such-event', req('z@x.test'))).rejects.toBeInstanceOf(DomainError);
    const [other] = await handle.db
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(and(sql`${events.slug} <> ${DEMO_EVENT_SLUG}`))
      .limit(1);
    await expect(register(DEMO_EVENT_SLUG, req('z@x.test', [other!.id]))).rejects.toMatchObject({ status: 404, code: 'session_not_found' });
  });

  it('checks answers against the event’s questions and stores them clean', async () => {
    const ok = await register(DEMO_EVENT_SLUG, req('q@answers.test', [], { answers: { dejeuner: 'yes', accessibilite: ['Sous-titrage'] } }));
    const [row] = await handle.db.select().from(registrations).where(eq(registrations.id, ok.registration.id));
    expect(row!.answers).toEqual({ dejeuner: true, accessibilite: ['Sous-titrage'] });
    await expect(register(DEMO_EVENT_SLUG, req('q@answers.test', [], { answers: { dejeuner: 'peut-être', couleur: 'bleu' } }))).rejects.toMatchObject({
      status: 400,
      fields: { 'answers.dejeuner': 'must be yes or no', 'answers.couleur': 'unknown question' },
    });
    // The refused update lost nothing.
    const [after] = await handle.db.select().from(registrations).where(eq(registrations.id, ok.registration.id));
    expect(after!.answers).toEqual({ dejeuner: true, accessibilite: ['Sous-titrage'] });
    // The questions the forms show are the ones answers are checked against.
    const questions = await questionsOf(handle.db, eventId);
    expect(questions.map((q) => q.key)).toEqual(expect.arrayContaining(['dejeuner', 'accessibilite']));
    expect(questions.find((q) => q.key === 'accessibilite')).toMatchObject({ kind: 'multiple', options: expect.arrayContaining(['Sous-titrage']) });
    expect(await questionsOf(handle.db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('checks answers in the database (check_answers): cleans valid answers, names every problem by field', async () => {
    const qs: Question[] = [
      { key: 'repas', label: 'Déjeuner ?', kind: 'yesno', options: [], required: true },
      { key: 'atelier', label: 'Format', kind: 'single', options: ['sur place', 'en ligne'], required: false },
      { key: 'besoins', label: 'Accessibilité', kind: 'multiple', options: ['fauteuil', 'boucle magnétique', 'LSF'], required: false },
      { key: 'mot', label: 'Un mot', kind: 'text', options: [], required: false },
    ];
    const check = async (answers: Record<string, unknown>) => {
      const [row] = await executePrepared<{ r: unknown }>(handle.db, sql`select check_answers(${JSON.stringify(qs)}::jsonb, ${JSON.stringify(answers)}::jsonb) as r`);
      return typeof row!.r === 'string' ? JSON.parse(row!.r) : row!.r;
    };
    expect(await check({ repas: 'yes', atelier: 'en ligne', besoins: ['LSF', 'fauteuil', 'LSF'], mot: ' bonjour ' })).toEqual({
      answers: { repas: true, atelier: 'en ligne', besoins: ['LSF', 'fauteuil'], mot: 'bonjour' },
    });
    expect(await check({ repas: false, besoins: 'LSF', mot: '' })).toEqual({ answers: { repas: false, besoins: ['LSF'] } });
    expect(await check({ atelier: 'ailleurs', besoins: ['jetpack'], hack: 'x' })).toEqual({
      fields: {
        'answers.repas': 'required',
        'answers.atelier': 'must be one of the options',
        'answers.besoins': 'must be among the options',
        'answers.hack': 'unknown question',
      },
    });
    expect(await check({ repas: 'peut-être', atelier: ['en ligne'], mot: ['x'] })).toEqual({
      fields: { 'answers.repas': 'must be yes or no', 'answers.atelier': 'must be one of the options', 'answers.mot': 'must be text' },
    });
  });

  it('one registration queue per process: the HTTP route’s and the form’s module graphs share it, and each gets its own error class', async () => {
    const sessionId = await newSession('one-queue', 1);
    // A second copy of the module and its imports, as Next's compiled code (the form's server
    // action) holds beside the Node server's (the HTTP route).
    vi.resetModules();
    const other = await import('@/db/queries/registrations');
    const { DomainError: OtherDomainError } = await import('@/lib/errors');
    expect(other.register).not.toBe(register);
    expect(OtherDomainError).not.toBe(DomainError);
    expect(other.registrationQueue()).toBe(registrationQueue());

    const before = registrationQueue().batches;
    const [a, b, refusedThere, refusedHere] = await Promise.allSettled([
      register(DEMO_EVENT_SLUG, req('graph-a@queue.test', [sessionId])),
      other.register(DEMO_EVENT_SLUG, req('graph-b@queue.test', [sessionId])),
      other.register(DEMO_EVENT_SLUG, req('graph-c@queue.test', [sessionId], { answers: { inconnue: 'x' } })),
      register(DEMO_EVENT_SLUG, req('graph-d@queue.test', [sessionId], { answers: { inconnue: 'x' } })),
    ]);
    // Written together, in arrival order, by one call.
    expect(registrationQueue().batches - before).toBe(1);
    expect(a).toMatchObject({ status: 'fulfilled', value: { registration: { sessions: [{ sessionId, status: 'confirmed', mode: 'onsite' }] } } });
    expect(b).toMatchObject({ status: 'fulfilled', value: { registration: { sessions: [{ sessionId, status: 'waitlisted', mode: 'onsite' }] } } });
    // Each caller's refusal is its own graph's DomainError (what the route and the action test for).
    expect(refusedThere.status === 'rejected' && refusedThere.reason).toBeInstanceOf(OtherDomainError);
    expect(refusedHere.status === 'rejected' && refusedHere.reason).toBeInstanceOf(DomainError);
    expect(refusedHere).toMatchObject({ reason: { status: 400, code: 'invalid' } });
    await expectCounterInStep(sessionId);
  });

  it('lists events with offsets in the public shape', async () => {
    const list = await publicEvents();
    const forum = list.find((e) => e.slug === 'forum-usages-cooperatifs-2018')!;
    expect(forum.timeZone).toBe('Europe/Paris');
    expect(forum.startsAt).toMatch(/^2018-07-0\dT\d\d:\d\d:\d\d\+02:00$/);
  });
});

// A connection keeps the plans of `register_people`. Made while the event had hardly any
// registrations (a new database, no statistics yet), a plan that found the batch's e-mails through
// the event's index read every registration of the event at each batch once it had thousands: the
// batch's cost grew with the event (in bench/registration on a new database, 16.8 ms a batch on average
// against 10.3 ms once fixed).
describe('registrations on postgres, as the event grows', () => {
  it('a batch reads the registrations of its own e-mails only, with plans kept from when the event had none', async () => {
    const pg = await freshPostgres();
    const fresh = await openDatabase({ databaseUrl: pg.url, dataDir: 'unused' });
    const one = postgres(pg.url, { max: 1, onnotice: () => {}, connection: CONNECTION_SETTINGS });
    try {
      const [event] = await one<{ id: string }[]>`insert into events (slug, title, time_zone, starts_at, ends_at)
        values ('croissance', 'Croissance', 'Europe/Paris', now() + interval '7 days', now() + interval '8 days') returning id`;
      const [session] = await one<{ id: string }[]>`insert into programme_sessions (event_id, slug, title, kind, capacity, starts_at, ends_at)
        values (${event!.id}, 'atelier', 'Atelier', 'workshop', 5, now() + interval '7 days', now() + interval '7 days 1 hour') returning id`;
      const person = (email: string) => ({ email, name: 'P', answers: {}, sessions: [session!.id], at: new Date().toISOString(), token: `plans-${email}`, locale: 'fr' });
      const batch = (emails: string[]) => JSON.stringify(emails.map(person));
      const some = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}@plans.test`);
      // Past its fifth call a connection may keep a generic plan.
      for (let call = 0; call < 8; call++) await one`select register_people('croissance', ${batch(some(`early${call}`, 2))}::text::jsonb)`;
      await one`insert into registrations (event_id, name, email, join_token, consent_at)
                select ${event!.id}, 'Many', 'many-' || i || '@plans.test', 'plans-many-' || i, now() from generate_series(1, 5000) i`;
      // The rows read through indexes by the call (one transaction, so that no count is reported meanwhile).
      const { fetched, outcomes } = await one.begin(async (tx) => {
        const fetchedSoFar = async () =>
          (await tx<{ n: number }[]>`select idx_tup_fetch::int as n from pg_stat_xact_user_tables where relname = 'registrations'`)[0]!.n;
        const before = await fetchedSoFar();
        const [written] = await tx<{ outcomes: { ok?: { created: boolean } }[] }[]>`
          select register_people('croissance', ${batch([...some('late', 3), 'many-7@plans.test'])}::text::jsonb) as outcomes`;
        return { fetched: (await fetchedSoFar()) - before, outcomes: written!.outcomes };
      });
      expect(outcomes.map((o) => o.ok?.created)).toEqual([true, true, true, false]);
      // Its four people and the foreign-key checks of their seats and mails: a few dozen rows, not
      // the event's 5,000.
      expect(fetched).toBeLessThan(100);
    } finally {
      await one.end();
      await fresh.close();
      await pg.drop();
    }
  });
});

import type { Server } from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '@/db/client';
import { events, mailOutbox, programmeSessions, registrationSessions, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { closeServer, registrationsServer } from './factories';
import { type Driver, useFreshDatabase } from './support';

// `POST /api/events/{event}/registrations` as the Node server answers it (before Next), over
// real HTTP on loopback, on Postgres and on PGlite: the public contract's statuses and error shape.
describe.each<Driver>(['postgres', 'pglite'])('POST /api/events/{event}/registrations over HTTP (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let handle: typeof db.handle;
  let server: Server;
  let base: string;
  let sessionId: string;
  let invitationOnly: string;

  const post = (body: unknown, event = DEMO_EVENT_SLUG, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/events/${event}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (email: string) =>
    (await handle.db.select().from(registrations).where(eq(registrations.email, email))).length;
  const confirmations = async (email: string) =>
    (
      await handle.db
        .select()
        .from(mailOutbox)
        .innerJoin(registrations, eq(registrations.id, mailOutbox.registrationId))
        .where(and(eq(registrations.email, email), eq(mailOutbox.kind, 'confirmation')))
    ).length;

  const newSession = async (slug: string, capacity: number | null) => {
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const [row] = await handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug, title: slug, kind: 'workshop', capacity, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) })
      .returning();
    return row!.id;
  };
  const seatsOf = async (registrationId: string) =>
    (await handle.db.select({ sessionId: registrationSessions.sessionId }).from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId))).map((r) => r.sessionId);

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    handle = db.handle;
    await seed(handle.db);
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const session = (visibility: 'public' | 'invitation') =>
      handle.db
        .insert(programmeSessions)
        .values({
          eventId: event!.id,
          slug: `http-${visibility}`,
          title: visibility,
          kind: 'workshop',
          capacity: 1,
          visibility,
          startsAt: new Date(Date.now() + 86_400_000),
          endsAt: new Date(Date.now() + 90_000_000),
        })
        .returning();
    sessionId = (await session('public'))[0]!.id;
    invitationOnly = (await session('invitation'))[0]!.id;
    ({ server, base } = await registrationsServer());
  });
  afterAll(async () => {
    await closeServer(server);
    await db?.close();
  });

  it('201 for a new registration with its link; the same e-mail again: 200 for its holder, 202 and nothing changed for anybody else', async () => {
    const first = await post({ name: 'Awa', email: 'Awa@HTTP.test', sessionIds: [sessionId], consent: true, answers: { dejeuner: true } });
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toBe('application/json');
    const body = await first.json();
    expect(body).toEqual({ id: expect.any(String), status: 'active', sessions: [{ sessionId, status: 'confirmed', mode: 'onsite' }], joinToken: expect.any(String) });
    const [before] = await handle.db.select().from(registrations).where(eq(registrations.id, body.id));

    // Anyone can type someone else's address: nothing of the registration changes or is said, and
    // the personal link goes to the mailbox only.
    const other = await newSession('http-other', null);
    const stranger = await post({ name: 'Mallory', email: 'awa@http.test', sessionIds: [sessionId, other], consent: true, answers: { dejeuner: false } });
    expect(stranger.status).toBe(202);
    const said = await stranger.json();
    expect(said).toEqual({ mailed: true });
    expect(JSON.stringify(said)).not.toContain(body.id);
    const [after] = await handle.db.select().from(registrations).where(eq(registrations.id, body.id));
    expect(after).toEqual(before);
    expect(await seatsOf(body.id)).toEqual([sessionId]);
    expect(await confirmations('awa@http.test')).toBe(2);

    // Its holder (the join token as bearer) updates it: 200, the link not answered again.
    const again = await post({ name: 'Awa B.', email: 'awa@http.test', sessionIds: [sessionId, other], consent: true }, DEMO_EVENT_SLUG, {
      authorization: `Bearer ${body.joinToken}`,
    });
    expect(again.status).toBe(200);
    const repeat = await again.json();
    expect(repeat).toEqual({ id: body.id, status: 'active', sessions: [{ sessionId, status: 'confirmed', mode: 'onsite' }, { sessionId: other, status: 'confirmed', mode: 'onsite' }] });
    expect(JSON.stringify(repeat)).not.toContain(body.joinToken);
    // The only seat is taken: the next person waits.
    const next = await post({ name: 'Ben', email: 'ben@http.test', sessionIds: [sessionId], consent: true });
    expect((await next.json()).sessions).toEqual([{ sessionId, status: 'waitlisted', mode: 'onsite' }]);
  });

  it('a cancelled registration is not brought back by someone typing its address', async () => {
    const first = await (await post({ name: 'Cléo', email: 'cleo@http.test', consent: true })).json();
    await handle.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, first.id));
    const stranger = await post({ name: 'Cléo', email: 'cleo@http.test', consent: true });
    expect(stranger.status).toBe(202);
    const [row] = await handle.db.select().from(registrations).where(eq(registrations.id, first.id));
    expect(row!.status).toBe('cancelled');
  });

  it('the same e-mail sent 20 times at once: one 201, nineteen 202, one registration', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post({ name: 'Chloé', email: 'chloe@http.test', consent: true }).then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((s) => s === 202)).toHaveLength(19);
    expect(await count('chloe@http.test')).toBe(1);
  });

  it('refuses bad requests with the public error shape, and stores nothing', async () => {
    const malformed = await post('{"name": "Dé');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });

    const invalid = await post({ name: '', email: 'not-an-email', consent: false, extra: 1 });
    expect(invalid.status).toBe(400);
    const { error } = await invalid.json();
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['name', 'email', 'consent']));

    const noEvent = await post({ name: 'Dé', email: 'de@http.test', consent: true }, 'no-such-event');
    expect(noEvent.status).toBe(404);
    expect((await noEvent.json()).error.code).toBe('event_not_found');

    const badEscape = await post({ name: 'Dé', email: 'de@http.test', consent: true }, '%E0%A4%A');
    expect(badEscape.status).toBe(404);

    const noSession = await post({ name: 'Dé', email: 'de@http.test', sessionIds: ['00000000-0000-4000-8000-000000000000'], consent: true });
    expect(noSession.status).toBe(404);
    expect((await noSession.json()).error).toMatchObject({ code: 'session_not_found', fields: { sessionIds: expect.any(String) } });

    const badAnswers = await post({ name: 'Dé', email: 'de@http.test', consent: true, answers: { dejeuner: 'peut-être', couleur: 'bleu' } });
    expect(badAnswers.status).toBe(400);
    expect(await badAnswers.json()).toEqual({
      error: { code: 'invalid', message: 'Some answers are not valid.', fields: { 'answers.dejeuner': 'must be yes or no', 'answers.couleur': 'unknown question' } },
    });

    const noCode = await post({ name: 'Dé', email: 'de@http.test', sessionIds: [invitationOnly], consent: true });
    expect(noCode.status).toBe(403);
    expect((await noCode.json()).error).toMatchObject({ code: 'invitation_required', fields: { invitationCode: 'required' } });

    const huge = await post({ name: 'Dé', email: 'de@http.test', consent: true, answers: { note: 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');

    expect(await count('de@http.test')).toBe(0);
  });

  it('answers other methods with 405 and the allowed one', async () => {
    const res = await fetch(`${base}/api/events/${DEMO_EVENT_SLUG}/registrations`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await res.json()).error.code).toBe('method_not_allowed');
    // Other paths are left to Next.
    expect((await fetch(`${base}/api/events/${DEMO_EVENT_SLUG}/registrations.csv`)).status).toBe(404);
  });

  it('keeps the seat counter in step after all of this', async () => {
    const [row] = await executePrepared(handle.db, sql`
      select s.confirmed_count as kept,
             (select count(*)::int from registration_sessions rs where rs.session_id = s.id and rs.status = 'confirmed') as actual
        from programme_sessions s where s.id = ${sessionId}`);
    expect(row).toEqual({ kept: 1, actual: 1 });
  });
});

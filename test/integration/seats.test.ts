import type { Server } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '@/db/client';
import { checkIn } from '@/db/queries/organizer';
import { publicSessions } from '@/db/queries/public';
import { cancel, changeSeatMode, register } from '@/db/queries/registrations';
import { registrations, registrationSessions, users } from '@/db/schema';
import { DEMO_EVENT_SLUG, DEMO_HYBRID_SESSION_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { registrationsCsvFile } from '@/server/exports/registrations';
import { closeServer, registrationsServer, seededDemo, seedUpcomingWorkshop } from './factories';
import { type Driver, useFreshDatabase } from './support';

// Seats on site and online (issue 28): a hybrid session's chairs and online seats, each with its
// own waiting list, by the SQL functions of db/functions/30_registrations.sql, on Postgres and on
// PGlite (which runs one statement at a time on one connection).

const req = (email: string, sessionIds: string[], modes?: Record<string, 'onsite' | 'online'>) =>
  registrationRequest.parse({ name: email.split('@')[0], email, sessionIds, consent: true, ...(modes ? { modes } : {}) });

describe.each<Driver>(['postgres', 'pglite'])('seats on site and online (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let handle: typeof db.handle;
  let eventId: string;
  let n = 0;

  const newSession = (mode: 'onsite' | 'online' | 'hybrid', capacity: number | null, capacityOnline: number | null = null) =>
    seedUpcomingWorkshop(handle.db, { eventId, slug: `seats-${mode}-${++n}`, title: `Seats ${mode} ${n}`, mode, capacity, capacityOnline });
  /** Seats of a session in request order: e-mail, status, mode. */
  async function seats(sessionId: string) {
    return handle.db
      .select({ email: registrations.email, status: registrationSessions.status, mode: registrationSessions.mode })
      .from(registrationSessions)
      .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
      .where(eq(registrationSessions.sessionId, sessionId))
      .orderBy(registrationSessions.requestedAt);
  }
  const tally = async (sessionId: string) => {
    const rows = await seats(sessionId);
    const of = (mode: string, status: string) => rows.filter((r) => r.mode === mode && r.status === status).length;
    return { onsite: of('onsite', 'confirmed'), online: of('online', 'confirmed'), waitOnsite: of('onsite', 'waitlisted'), waitOnline: of('online', 'waitlisted') };
  };
  /** The kept counters always equal the confirmed seats, in all and online. */
  async function expectCountersInStep(sessionId: string) {
    const [row] = await executePrepared<{ kept: number; keptOnline: number; actual: number; actualOnline: number }>(handle.db, sql`
      select s.confirmed_count as "kept", s.confirmed_online as "keptOnline",
             (select count(*)::int from registration_sessions rs where rs.session_id = s.id and rs.status = 'confirmed') as "actual",
             (select count(*)::int from registration_sessions rs where rs.session_id = s.id and rs.status = 'confirmed' and rs.mode = 'online') as "actualOnline"
        from programme_sessions s where s.id = ${sessionId}`);
    expect({ kept: row!.kept, keptOnline: row!.keptOnline }).toEqual({ kept: row!.actual, keptOnline: row!.actualOnline });
  }

  beforeAll(async () => {
    ({ db, handle, eventId } = await seededDemo(driver));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('40 concurrent registrations for 3 chairs and 3 online seats never exceed either; each mode has its own waiting list', async () => {
    const hybrid = await newSession('hybrid', 3, 3);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        register(DEMO_EVENT_SLUG, req(`c${i}@seats.test`, [hybrid], { [hybrid]: i % 2 === 0 ? 'onsite' : 'online' })),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(await tally(hybrid)).toEqual({ onsite: 3, online: 3, waitOnsite: 17, waitOnline: 17 });
    // Each answer says the seat's mode.
    results.forEach((r, i) => expect(r.registration.sessions[0]!.mode).toBe(i % 2 === 0 ? 'onsite' : 'online'));
    await expectCountersInStep(hybrid);
    const listed = (await publicSessions(DEMO_EVENT_SLUG))!.find((s) => s.id === hybrid)!;
    expect(listed).toMatchObject({
      mode: 'hybrid',
      confirmedCount: 6,
      waitlistCount: 34,
      capacityOnsite: 3,
      capacityOnline: 3,
      confirmedOnsite: 3,
      confirmedOnline: 3,
      waitlistOnsite: 17,
      waitlistOnline: 17,
    });
  });

  it('one mode full does not close the other; a hybrid seat without a mode is online; other sessions take their own mode', async () => {
    const hybrid = await newSession('hybrid', 1, null);
    const onsite = await newSession('onsite', null);
    const online = await newSession('online', null);
    await register(DEMO_EVENT_SLUG, req('chair@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    const late = await register(DEMO_EVENT_SLUG, req('late@seats.test', [hybrid, onsite, online], { [hybrid]: 'onsite' }));
    const anyhow = await register(DEMO_EVENT_SLUG, req('anyhow@seats.test', [hybrid]));
    expect(late.registration.sessions).toEqual(
      expect.arrayContaining([
        { sessionId: hybrid, status: 'waitlisted', mode: 'onsite' },
        { sessionId: onsite, status: 'confirmed', mode: 'onsite' },
        { sessionId: online, status: 'confirmed', mode: 'online' },
      ]),
    );
    expect(anyhow.registration.sessions).toEqual([{ sessionId: hybrid, status: 'confirmed', mode: 'online' }]);
    const listed = await publicSessions(DEMO_EVENT_SLUG);
    expect(listed!.find((s) => s.id === hybrid)).toMatchObject({ capacityOnsite: 1, capacityOnline: null, waitlistOnsite: 1, confirmedOnline: 1 });
    // The six fields are a hybrid session's only.
    expect(listed!.find((s) => s.id === onsite)).not.toHaveProperty('capacityOnsite');
    expect(listed!.find((s) => s.id === online)).not.toHaveProperty('confirmedOnline');
  });

  it('a freed chair goes to the first on-site waiter, a freed online seat to the first online one', async () => {
    const hybrid = await newSession('hybrid', 1, 1);
    const chair = await register(DEMO_EVENT_SLUG, req('p-chair@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    const screen = await register(DEMO_EVENT_SLUG, req('p-screen@seats.test', [hybrid], { [hybrid]: 'online' }));
    // The online waiter asked first: a freed chair is still not theirs.
    await register(DEMO_EVENT_SLUG, req('p-wait-online@seats.test', [hybrid], { [hybrid]: 'online' }));
    await register(DEMO_EVENT_SLUG, req('p-wait-onsite@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    await register(DEMO_EVENT_SLUG, req('p-wait-onsite-2@seats.test', [hybrid], { [hybrid]: 'onsite' }));

    const freedChair = await cancel(chair.registration.joinToken, hybrid);
    const ids = async (email: string) => (await handle.db.select().from(registrations).where(eq(registrations.email, email)))[0]!.id;
    expect(freedChair.promoted).toEqual([{ sessionId: hybrid, registrationIds: [await ids('p-wait-onsite@seats.test')] }]);
    const freedScreen = await cancel(screen.registration.joinToken);
    expect(freedScreen.promoted).toEqual([{ sessionId: hybrid, registrationIds: [await ids('p-wait-online@seats.test')] }]);
    expect(await tally(hybrid)).toEqual({ onsite: 1, online: 1, waitOnsite: 1, waitOnline: 0 });
    await expectCountersInStep(hybrid);
  });

  it('changing a seat’s mode checks the new mode’s capacity, and a seat it frees goes to that mode’s list', async () => {
    const hybrid = await newSession('hybrid', 1, 1);
    const a = await register(DEMO_EVENT_SLUG, req('m-a@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    const b = await register(DEMO_EVENT_SLUG, req('m-b@seats.test', [hybrid], { [hybrid]: 'online' }));
    const c = await register(DEMO_EVENT_SLUG, req('m-c@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    // Online is full: A keeps the chair.
    await expect(changeSeatMode(a.registration.joinToken, hybrid, 'online')).rejects.toMatchObject({ status: 409, code: 'mode_full' });
    expect((await tally(hybrid)).onsite).toBe(1);
    // B leaves; A moves online, and the freed chair goes to C, who waited for one.
    await cancel(b.registration.joinToken, hybrid);
    const moved = await changeSeatMode(a.registration.joinToken, hybrid, 'online');
    expect(moved).toMatchObject({ sessionId: hybrid, status: 'confirmed', mode: 'online', promoted: [c.registration.id] });
    expect(await tally(hybrid)).toEqual({ onsite: 1, online: 1, waitOnsite: 0, waitOnline: 0 });
    // The same mode again changes nothing; a session with one mode has no other; a stranger's token, nothing.
    expect(await changeSeatMode(a.registration.joinToken, hybrid, 'online')).toMatchObject({ status: 'confirmed', mode: 'online', promoted: [] });
    const onsite = await newSession('onsite', 5);
    const d = await register(DEMO_EVENT_SLUG, req('m-d@seats.test', [onsite]));
    await expect(changeSeatMode(d.registration.joinToken, onsite, 'online')).rejects.toMatchObject({ status: 400, code: 'mode_not_offered' });
    await expect(changeSeatMode(d.registration.joinToken, hybrid, 'onsite')).rejects.toMatchObject({ status: 404, code: 'seat_not_found' });
    await expect(changeSeatMode('not-a-token', hybrid, 'onsite')).rejects.toMatchObject({ status: 404, code: 'registration_not_found' });
    await expectCountersInStep(hybrid);
    await expectCountersInStep(onsite);
  });

  it('refuses a mode a session does not offer, and stores nothing', async () => {
    const onsite = await newSession('onsite', null);
    const other = await newSession('online', null);
    await expect(register(DEMO_EVENT_SLUG, req('wrong@seats.test', [onsite, other], { [onsite]: 'online' }))).rejects.toMatchObject({
      status: 400,
      code: 'mode_not_offered',
      fields: { [`modes.${onsite}`]: expect.stringContaining('onsite only') },
    });
    expect(await handle.db.select().from(registrations).where(eq(registrations.email, 'wrong@seats.test'))).toEqual([]);
    // Its own mode, said, is fine.
    const fine = await register(DEMO_EVENT_SLUG, req('right@seats.test', [onsite], { [onsite]: 'onsite' }));
    expect(fine.registration.sessions).toEqual([{ sessionId: onsite, status: 'confirmed', mode: 'onsite' }]);
  });

  it('the attendee CSV has a mode column, in both formats', async () => {
    const hybrid = await newSession('hybrid', 2, 2);
    await register(DEMO_EVENT_SLUG, req('csv-onsite@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    await register(DEMO_EVENT_SLUG, req('csv-online@seats.test', [hybrid]));
    const organizer = (await handle.db.select().from(users).where(eq(users.email, 'organisatrice@chemins.test')))[0]!.id;
    for (const [format, separator] of [['standard', ','], ['spreadsheet', ';']] as const) {
      const text = (await (await registrationsCsvFile(organizer, DEMO_EVENT_SLUG, 'fr', format)).text()).replace(/^\uFEFF/, '');
      const lines = text.split(/\r?\n/);
      expect(lines[0]).toContain(`Sessions${separator}Sur place ou en ligne`);
      expect(lines.find((l) => l.startsWith(`csv-onsite${separator}`))).toContain(`(confirmée)${separator}sur place`);
      expect(lines.find((l) => l.startsWith(`csv-online${separator}`))).toContain(`(confirmée)${separator}en ligne`);
    }
    const en = await (await registrationsCsvFile(organizer, DEMO_EVENT_SLUG, 'en')).text();
    expect(en).toContain('On site or online');
  });

  it('checks in on-site seats only: an online registrant is refused, or takes a free chair', async () => {
    const organizer = (await handle.db.select().from(users).where(eq(users.email, 'organisatrice@chemins.test')))[0]!.id;
    const hybrid = await newSession('hybrid', 1, null);
    const online = await newSession('online', null);
    const chair = await register(DEMO_EVENT_SLUG, req('door-chair@seats.test', [hybrid], { [hybrid]: 'onsite' }));
    const screen = await register(DEMO_EVENT_SLUG, req('door-screen@seats.test', [hybrid, online]));
    const checkedIn = async (email: string) => (await handle.db.select().from(registrations).where(eq(registrations.email, email)))[0]!.checkedInAt;

    expect(await checkIn(organizer, DEMO_EVENT_SLUG, chair.registration.joinToken)).toMatchObject({ online: false, already: false });
    // Online only, and the one chair is taken: refused, not checked in, nothing offered.
    expect(await checkIn(organizer, DEMO_EVENT_SLUG, screen.registration.joinToken)).toEqual({ online: true, name: 'door-screen', offers: [] });
    expect(await checkedIn('door-screen@seats.test')).toBeNull();
    // Taking a chair that is not free is refused: the online seat is kept.
    await expect(checkIn(organizer, DEMO_EVENT_SLUG, screen.registration.joinToken, hybrid)).rejects.toMatchObject({ status: 409, code: 'mode_full' });
    // The chair is freed: offered, taken, checked in.
    await cancel(chair.registration.joinToken, hybrid);
    expect(await checkIn(organizer, DEMO_EVENT_SLUG, screen.registration.joinToken)).toMatchObject({ online: true, offers: [{ sessionId: hybrid, free: 1 }] });
    expect(await checkIn(organizer, DEMO_EVENT_SLUG, screen.registration.joinToken, hybrid)).toMatchObject({ online: false, already: false });
    expect(await checkedIn('door-screen@seats.test')).not.toBeNull();
    expect(await tally(hybrid)).toEqual({ onsite: 1, online: 0, waitOnsite: 0, waitOnline: 0 });
    await expectCountersInStep(hybrid);
  });

  it('the demo edition has a hybrid session with a few chairs and a few online seats', async () => {
    const demo = (await publicSessions(DEMO_EVENT_SLUG))!.find((s) => s.slug === DEMO_HYBRID_SESSION_SLUG)!;
    expect(demo).toMatchObject({ mode: 'hybrid', capacityOnsite: 3, capacityOnline: 3 });
  });
});

// `modes` over HTTP as the Node server answers it: the error shape of the public contract.
describe('POST /api/events/{event}/registrations with modes (postgres)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let server: Server;
  let base: string;
  let hybrid: string;
  let onsite: string;
  const post = (body: unknown) =>
    fetch(`${base}/api/events/${DEMO_EVENT_SLUG}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    ({ db } = await seededDemo('postgres'));
    const sessions = (await publicSessions(DEMO_EVENT_SLUG))!;
    hybrid = sessions.find((s) => s.slug === DEMO_HYBRID_SESSION_SLUG)!.id;
    onsite = sessions.find((s) => s.mode === 'onsite')!.id;
    ({ server, base } = await registrationsServer());
  });
  afterAll(async () => {
    await closeServer(server);
    await db?.close();
  });

  it('answers each seat’s mode, and 400 with fields for a mode outside sessionIds, a bad value or a mode the session does not offer', async () => {
    const ok = await post({ name: 'Awa', email: 'awa@modes.test', sessionIds: [hybrid, onsite], modes: { [hybrid]: 'onsite' }, consent: true });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { sessions: { sessionId: string; mode: string }[] };
    expect(body.sessions.find((s) => s.sessionId === hybrid)).toMatchObject({ status: 'confirmed', mode: 'onsite' });
    expect(body.sessions.find((s) => s.sessionId === onsite)).toMatchObject({ mode: 'onsite' });

    const outside = await post({ name: 'B', email: 'b@modes.test', sessionIds: [onsite], modes: { [hybrid]: 'onsite' }, consent: true });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ error: { code: 'invalid', fields: { [`modes.${hybrid}`]: expect.any(String) } } });
    const badValue = await post({ name: 'C', email: 'c@modes.test', sessionIds: [hybrid], modes: { [hybrid]: 'balcony' }, consent: true });
    expect(badValue.status).toBe(400);
    expect(await badValue.json()).toMatchObject({ error: { code: 'invalid', fields: { [`modes.${hybrid}`]: expect.any(String) } } });
    const notOffered = await post({ name: 'D', email: 'd@modes.test', sessionIds: [onsite], modes: { [onsite]: 'online' }, consent: true });
    expect(notOffered.status).toBe(400);
    expect(await notOffered.json()).toMatchObject({ error: { code: 'mode_not_offered', fields: { [`modes.${onsite}`]: expect.any(String) } } });
    expect(await db.handle.db.select().from(registrations).where(sql`${registrations.email} in ('b@modes.test', 'c@modes.test', 'd@modes.test')`)).toEqual([]);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme, getSessionById, listEvents, liveSessions } from '@/db/queries/events';
import { identityFromJoinToken, identityFromSessionToken } from '@/db/queries/identity';
import { listPaths } from '@/server/paths/list-paths';
import { grantsOf, userMay } from '@/db/queries/grants';
import { ensureAdminIfListed, grantRole, listGrants } from '@/db/queries/roles';
import { sessionRoleOf } from '@/lib/policy';
import { programmeSessions, registrations, roleGrants, sessions, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG } from '@/db/seed/data/demo';
import { isLive } from '@/lib/domain/time';
import { DomainError } from '@/lib/errors';
import { type Driver, useFreshDatabase } from './support';

async function counts(db: Awaited<ReturnType<typeof useFreshDatabase>>['handle']['db']) {
  const rows = await db.execute(sql`
    select (select count(*) from events)::int as events,
           (select count(*) from programme_sessions)::int as sessions,
           (select count(*) from session_people)::int as session_people,
           (select count(*) from people)::int as people,
           (select count(*) from paths)::int as paths,
           (select count(*) from path_coordinators)::int as coordinators,
           (select count(*) from rooms)::int as rooms,
           (select count(*) from role_grants)::int as grants,
           (select count(*) from users)::int as users`);
  return (Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: unknown[] }).rows[0]) as Record<string, number>;
}

// The same query suite runs against real Postgres and embedded PGlite, on the same migrations.
describe.each<Driver>(['postgres', 'pglite'])('database on %s', (driver) => {
  let ctx: Awaited<ReturnType<typeof useFreshDatabase>>;
  const now = new Date();

  beforeAll(async () => {
    ctx = await useFreshDatabase(driver);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('applies the migrations and seeds the demo data', async () => {
    const first = await seed(ctx.handle.db, { now });
    expect(first.historical).toBe(true);
    const events = await listEvents();
    expect(events.map((e) => e.slug).sort()).toEqual(
      ['edition-demo', 'forum-usages-cooperatifs-2018', 'forum-usages-cooperatifs-2020', 'numerique-en-communs-2018'].sort(),
    );
    const paths = await listPaths();
    expect(paths).toHaveLength(7);
    expect(paths.every((p) => p.coordinators.length > 0)).toBe(true);
  });

  it('seeds the 2018 forum as printed: six thematic sessions over three days, ten programmed workshops with facilitators', async () => {
    const p = await getEventProgramme('forum-usages-cooperatifs-2018');
    expect(p).not.toBeNull();
    expect(p!.event.timeZone).toBe('Europe/Paris');
    // Six themes, each with one séance a day on Wednesday, Thursday and Friday, 10:30–12:30.
    expect(p!.tracks).toHaveLength(6);
    const seances = p!.sessions.filter((s) => s.kind === 'session');
    expect(seances).toHaveLength(18);
    for (const t of p!.tracks) {
      expect(seances.filter((s) => s.track?.key === t.key).map((s) => s.startsAt.toISOString()).sort()).toEqual([
        '2018-07-04T08:30:00.000Z',
        '2018-07-05T08:30:00.000Z',
        '2018-07-06T08:30:00.000Z',
      ]);
    }
    expect(p!.sessions.filter((s) => s.kind === 'plenary').map((s) => s.people[0]?.name)).toEqual([
      'Isabelle Delannoy',
      'Ange Ansour',
      'Aymeric Poulain Maubant',
    ]);
    expect(p!.sessions.find((s) => s.slug === 'le-off-du-forum')?.startsAt.toISOString()).toBe('2018-07-03T12:00:00.000Z');
    // Facilitated by people or, for the Mission Société Numérique, by an organization as such.
    const workshops = p!.sessions.filter((s) => s.kind === 'workshop' && s.people.length + s.organizations.length > 0);
    expect(workshops.length).toBeGreaterThanOrEqual(10);
    expect(workshops.every((w) => w.description.length > 0)).toBe(true);
    expect(p!.sessions.some((s) => s.kind === 'plenary')).toBe(true);
    for (const s of p!.sessions) {
      expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
      // 3–6 July 2018 in Brest.
      expect(s.startsAt.toISOString() >= '2018-07-03').toBe(true);
      expect(s.startsAt.toISOString() < '2018-07-07').toBe(true);
    }
  });

  it('seeds the 2020 online launch: two online conferences on 8 July at 10:00 and 14:00 Paris time', async () => {
    const p = await getEventProgramme('forum-usages-cooperatifs-2020');
    const confs = p!.sessions.filter((s) => s.mode === 'online' && s.startsAt.toISOString().startsWith('2020-07-08'));
    expect(confs.map((s) => s.startsAt.toISOString()).sort()).toEqual(
      expect.arrayContaining(['2020-07-08T08:00:00.000Z', '2020-07-08T12:00:00.000Z']),
    );
  });

  it('dates the demo edition relative to now, with one session live', async () => {
    const p = await getEventProgramme(DEMO_EVENT_SLUG);
    const live = p!.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!;
    expect(isLive(live, now)).toBe(true);
    expect(p!.sessions.filter((s) => s.startsAt > now).length).toBeGreaterThanOrEqual(3);
    expect(await getSessionById(live.id)).toMatchObject({ eventSlug: DEMO_EVENT_SLUG, slug: DEMO_LIVE_SESSION_SLUG });
    expect(await getSessionById('not-a-uuid')).toBeNull();
  });

  it('lists the sessions live now across events by the programme’s rule: in their times or with a running room, never cancelled', async () => {
    const slugsLive = async () => (await liveSessions(now)).map((s) => s.slug).sort();
    const programmes = await Promise.all((await listEvents()).map((e) => getEventProgramme(e.slug)));
    expect(await slugsLive()).toEqual(programmes.flatMap((p) => p!.sessions.filter((s) => isLive(s, now)).map((s) => s.slug)).sort());
    const live = await liveSessions(now);
    expect(live.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)).toMatchObject({ eventSlug: DEMO_EVENT_SLUG, timeZone: 'Europe/Paris', mode: 'hybrid' });
    const demo = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    const later = demo.sessions.find((s) => s.slug === 'apero-de-cloture')!;
    const opening = demo.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!;
    expect(await slugsLive()).not.toContain('apero-de-cloture');
    const db = ctx.handle.db;
    try {
      // A room opened outside the session's times: live. A cancelled session: never.
      await db.update(programmeSessions).set({ videoLiveSince: now }).where(eq(programmeSessions.id, later.id));
      await db.update(programmeSessions).set({ status: 'cancelled' }).where(eq(programmeSessions.id, opening.id));
      expect(await slugsLive()).toContain('apero-de-cloture');
      expect(await slugsLive()).not.toContain(DEMO_LIVE_SESSION_SLUG);
    } finally {
      await db.update(programmeSessions).set({ videoLiveSince: null }).where(eq(programmeSessions.id, later.id));
      await db.update(programmeSessions).set({ status: opening.status }).where(eq(programmeSessions.id, opening.id));
    }
    expect(await slugsLive()).toContain(DEMO_LIVE_SESSION_SLUG);
  });

  it('is idempotent: seeding again (even forced) changes no count', async () => {
    const before = await counts(ctx.handle.db);
    const again = await seed(ctx.handle.db, { now });
    expect(again.historical).toBe(false);
    await seed(ctx.handle.db, { now, force: true });
    expect(await counts(ctx.handle.db)).toEqual(before);
  });

  it('re-dates the demo edition at a later start, keeping its sessions (and their ids)', async () => {
    const before = await getEventProgramme(DEMO_EVENT_SLUG);
    const later = new Date(now.getTime() + 26 * 3600_000);
    await seed(ctx.handle.db, { now: later });
    const after = await getEventProgramme(DEMO_EVENT_SLUG);
    const liveAfter = after!.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!;
    expect(isLive(liveAfter, later)).toBe(true);
    expect(liveAfter.id).toBe(before!.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!.id);
    await seed(ctx.handle.db, { now });
  });

  it('gives the demo organizer, moderator and speaker their roles, each in its scope', async () => {
    const programme = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    const demo = programme.event;
    const at = (slug: string) => {
      const s = programme.sessions.find((x) => x.slug === slug)!;
      return { sessionId: s.id, eventId: demo.id };
    };
    const live = at(DEMO_LIVE_SESSION_SLUG);
    const other = at('table-ronde-tiers-lieux');
    const idOf = async (email: string) => (await ctx.handle.db.select().from(users).where(sql`${users.email} = ${email}`))[0]!.id;
    const [org, mod, speaker] = [await idOf('organisatrice@chemins.test'), await idOf('moderateur@chemins.test'), await idOf('intervenante@chemins.test')];
    expect(sessionRoleOf(await grantsOf(org, { eventId: demo.id }), other)).toBe('organizer');
    expect(sessionRoleOf(await grantsOf(mod, { eventId: demo.id }), live)).toBe('moderator');
    expect(sessionRoleOf(await grantsOf(mod, { eventId: demo.id }), other)).toBe('participant');
    expect(sessionRoleOf(await grantsOf(speaker), live)).toBe('speaker');
    expect(sessionRoleOf(await grantsOf(speaker), other)).toBe('participant');
    expect(await userMay(speaker, 'session.runPolls', live)).toBe(true);
    expect(await userMay(speaker, 'session.runPolls', other)).toBe(false);
    expect(await grantsOf(null)).toEqual([]);
  });

  it('grants roles only through an admin, and refuses bad targets', async () => {
    const db = ctx.handle.db;
    const [admin] = await db.insert(users).values({ email: 'root@chemins.test' }).returning();
    const [someone] = await db.insert(users).values({ email: 'someone@chemins.test' }).returning();
    await expect(grantRole(someone!.id, { email: 'x@chemins.test', role: 'admin' })).rejects.toThrow(DomainError);
    expect(await userMay(admin!.id, 'role.grant', {})).toBe(false);
    await ensureAdminIfListed(admin!.id, 'ROOT@chemins.test', ['root@chemins.test']);
    await ensureAdminIfListed(admin!.id, 'root@chemins.test', ['root@chemins.test']); // idempotent
    expect(await userMay(admin!.id, 'role.grant', {})).toBe(true);
    await expect(
      grantRole(admin!.id, { email: 'x@chemins.test', role: 'organizer', eventSlug: 'nope' }),
    ).rejects.toMatchObject({ status: 404, code: 'not_found', fields: { eventSlug: expect.any(String) } });
    const granted = await grantRole(admin!.id, { email: 'Coord@Chemins.test', role: 'coordinator', pathSlug: (await listPaths())[0]!.slug });
    await grantRole(admin!.id, { email: 'coord@chemins.test', role: 'coordinator', pathSlug: (await listPaths())[0]!.slug });
    const grants = await listGrants(admin!.id);
    expect(grants.filter((g) => g.email === 'coord@chemins.test')).toHaveLength(1);
    expect(granted.role).toBe('coordinator');
    await expect(listGrants(someone!.id)).rejects.toThrow(DomainError);
    // A speaker is granted one session of the event; the database refuses a speaker grant without one.
    await expect(
      grantRole(admin!.id, { email: 'sp@chemins.test', role: 'speaker', eventSlug: DEMO_EVENT_SLUG, sessionSlug: 'nope' }),
    ).rejects.toMatchObject({ status: 404, code: 'not_found', fields: { sessionSlug: expect.any(String) } });
    const speaker = await grantRole(admin!.id, { email: 'sp@chemins.test', role: 'speaker', eventSlug: DEMO_EVENT_SLUG, sessionSlug: DEMO_LIVE_SESSION_SLUG });
    expect(speaker.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await listGrants(admin!.id)).find((g) => g.email === 'sp@chemins.test')?.sessionTitle).toMatch(/Ouverture en direct/);
    const demo = (await getEventProgramme(DEMO_EVENT_SLUG))!.event;
    await expect(db.insert(roleGrants).values({ userId: someone!.id, role: 'speaker', eventId: demo.id })).rejects.toThrow();
  });

  it('resolves identities from session tokens and join tokens, and nothing else', async () => {
    const db = ctx.handle.db;
    const [u] = await db.insert(users).values({ email: 'ana@chemins.test', name: 'Ana' }).returning();
    await db.insert(sessions).values({ sessionToken: 'tok-valid', userId: u!.id, expires: new Date(Date.now() + 3600_000) });
    await db.insert(sessions).values({ sessionToken: 'tok-expired', userId: u!.id, expires: new Date(Date.now() - 1000) });
    expect(await identityFromSessionToken('tok-valid')).toMatchObject({ kind: 'user', userId: u!.id, name: 'Ana' });
    expect(await identityFromSessionToken('tok-expired')).toBeNull();
    expect(await identityFromSessionToken('nope')).toBeNull();
    const demo = (await getEventProgramme(DEMO_EVENT_SLUG))!.event;
    const [reg] = await db.insert(registrations).values({ eventId: demo.id, name: 'Bea', email: 'bea@chemins.test' }).returning();
    expect(reg!.joinToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await identityFromJoinToken(reg!.joinToken)).toMatchObject({ kind: 'registration', name: 'Bea', eventId: demo.id });
    expect(await identityFromJoinToken('x'.repeat(500))).toBeNull();
  });
});

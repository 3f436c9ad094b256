import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as joinRoute } from '@/app/api/join/route';
import { GET as personalLink } from '@/app/r/[token]/route';
import {
  closeLinkSession,
  identityFromLinkSession,
  openLinkSession,
  registrationIdOfLinkSession,
} from '@/db/queries/identity';
import { cancelForPerson, mySeats, registrationsOfPerson } from '@/db/queries/my-registrations';
import { cancel } from '@/db/queries/registrations';
import { linkSessions, registrations, users } from '@/db/schema';
import { seed } from '@/db/seed';
import type { JoinData } from '@/lib/realtime/protocol';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { type Db, realtimeScenario, registrant as make, seedSession } from './factories';
import { client, ok } from './realtime-support';
import type { Driver } from './support';

/**
 * The personal link is who you are (issue 19): opening `/r/{token}` identifies the browser with a
 * link session of its own (a cookie that is not the token), revocable, valid while the
 * registration is active; pages and live rooms read it; the person's seats show where they are.
 */
describe.each<Driver>(['postgres', 'pglite'])('personal link sessions (%s)', (driver) => {
  const scene = realtimeScenario();
  const { sockets } = scene;
  let db: Db;
  let url: string;
  let eventId: string;
  let small: string;
  let live: string;
  let n = 0;

  const registrant = (name: string, sessionIds: string[] = []) =>
    make(name, { sessionIds, email: `${name.toLowerCase()}-${++n}-${driver}@link.test` });
  const cookieOf = (res: Response) => /chemins-join=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const session = (slug: string, capacity: number | null, startsInMinutes: number) =>
    seedSession(db.handle.db, {
      eventId,
      slug: `${slug}-${driver}`,
      title: slug,
      kind: 'workshop',
      capacity,
      startsAt: new Date(Date.now() + startsInMinutes * 60_000),
      endsAt: new Date(Date.now() + (startsInMinutes + 60) * 60_000),
    });

  beforeAll(async () => {
    db = await scene.database(driver);
    eventId = (await seed(db.handle.db)).demoEventId;
    small = await session('petite-salle', 1, 120);
    live = await session('en-direct', null, -5);
    ({ url } = await scene.start());
  });

  it('GET /r/{token} sets a cookie that is not the token and leads to /r without the token', async () => {
    const ana = await registrant('Ana');
    const res = await personalLink(new Request(`http://127.0.0.1/r/${ana.token}`), { params: Promise.resolve({ token: ana.token }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/r');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const secret = cookieOf(res)!;
    expect(secret).toBeTruthy();
    expect(secret).not.toContain(ana.token);
    expect(await identityFromLinkSession(secret)).toMatchObject({ kind: 'registration', registrationId: ana.id, name: 'Ana', eventId });
    // Only its hash is stored.
    const stored = await db.handle.db.select().from(linkSessions).where(eq(linkSessions.registrationId, ana.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.secretHash).not.toBe(secret);

    const fresh = await personalLink(new Request(`http://127.0.0.1/r/${ana.token}?new=1`), { params: Promise.resolve({ token: ana.token }) });
    expect(fresh.headers.get('location')).toBe('/r?new=1');
  });

  it('an unknown or absurd token leads to /r?invalid=1 and sets no cookie', async () => {
    for (const token of ['nope', 'x'.repeat(500), '']) {
      const res = await personalLink(new Request('http://127.0.0.1/r/x'), { params: Promise.resolve({ token }) });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/r?invalid=1');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await identityFromLinkSession('x'.repeat(500))).toBeNull();
    expect(await identityFromLinkSession('')).toBeNull();
  });

  it('/api/join sets the same kind of cookie and refuses a cancelled registration', async () => {
    const bea = await registrant('Bea');
    const res = await joinRoute(new Request(`http://127.0.0.1/api/join?token=${bea.token}`));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/r');
    const secret = cookieOf(res)!;
    expect(secret).not.toBe(bea.token);
    expect(await identityFromLinkSession(secret)).toMatchObject({ registrationId: bea.id });
    await cancel(bea.token);
    expect((await joinRoute(new Request(`http://127.0.0.1/api/join?token=${bea.token}`))).status).toBe(404);
  });

  it('a link session ends when the device forgets it, when it expires, and counts for nothing once the registration is cancelled', async () => {
    const cleo = await registrant('Cleo');
    const a = (await openLinkSession(cleo.token))!;
    const b = (await openLinkSession(cleo.token))!;
    await closeLinkSession(a.secret);
    expect(await identityFromLinkSession(a.secret)).toBeNull();
    expect(await identityFromLinkSession(b.secret)).toMatchObject({ registrationId: cleo.id }); // the other device still is
    await db.handle.db.update(linkSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(linkSessions.registrationId, cleo.id));
    expect(await identityFromLinkSession(b.secret)).toBeNull();
    // A new one replaces the expired ones.
    const c = (await openLinkSession(cleo.token))!;
    expect(await db.handle.db.select().from(linkSessions).where(eq(linkSessions.registrationId, cleo.id))).toHaveLength(1);
    await cancel(cleo.token);
    expect(await identityFromLinkSession(c.secret)).toBeNull();
    // The personal page still finds the (cancelled) registration, to say so.
    expect(await registrationIdOfLinkSession(c.secret)).toBe(cleo.id);
  });

  it('live rooms accept the link cookie, and not the token put in the cookie', async () => {
    const dan = await registrant('Dan', [live]);
    const { secret } = (await openLinkSession(dan.token))!;
    const s = await client(url, { cookie: `${JOIN_COOKIE}=${secret}` });
    sockets.push(s);
    const data = await ok<JoinData>(s, 'session:join', { sessionId: live });
    expect(data.you).toMatchObject({ id: `registration:${dan.id}`, name: 'Dan', canWrite: true });
    const old = await client(url, { cookie: `${JOIN_COOKIE}=${dan.token}` });
    sockets.push(old);
    const guest = await ok<JoinData>(old, 'session:join', { sessionId: live });
    expect(guest.you).toMatchObject({ id: null, canWrite: false });
  });

  it('the person sees their seats with their place on the waiting list, by link or by account', async () => {
    const first = await registrant('Eve', [small]);
    const second = await registrant('Fox', [small]);
    const third = await registrant('Gil', [small]);
    const ev = (await identityFromLinkSession((await openLinkSession(first.token))!.secret))!;
    const fox = (await identityFromLinkSession((await openLinkSession(second.token))!.secret))!;
    const gil = (await identityFromLinkSession((await openLinkSession(third.token))!.secret))!;
    expect((await mySeats(ev, eventId)).get(small)).toEqual({ sessionId: small, status: 'confirmed', position: null, mode: 'online' });
    expect((await mySeats(fox, eventId)).get(small)).toEqual({ sessionId: small, status: 'waitlisted', position: 1, mode: 'online' });
    expect((await mySeats(gil, eventId)).get(small)).toEqual({ sessionId: small, status: 'waitlisted', position: 2, mode: 'online' });
    expect(await mySeats(null, eventId)).toEqual(new Map());
    // Eve leaves: Fox gets the seat, Gil moves up.
    await cancel(first.token, small);
    expect((await mySeats(fox, eventId)).get(small)?.status).toBe('confirmed');
    expect((await mySeats(gil, eventId)).get(small)).toMatchObject({ status: 'waitlisted', position: 1 });
    // The same seats through the account the registration is linked to.
    const [u] = await db.handle.db.insert(users).values({ email: `gil-account-${driver}@link.test`, name: 'Gil' }).returning();
    await db.handle.db.update(registrations).set({ userId: u!.id }).where(eq(registrations.id, third.id));
    const account = { kind: 'user' as const, userId: u!.id, name: 'Gil', email: u!.email };
    expect((await mySeats(account, eventId)).get(small)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await registrationsOfPerson({ linkRegistrationId: null, userId: u!.id })).map((r) => r.id)).toEqual([third.id]);
  });

  it('a person cancels only their own registrations from the personal page', async () => {
    const hal = await registrant('Hal', [live]);
    const ivy = await registrant('Ivy', [live]);
    expect(await cancelForPerson({ linkRegistrationId: hal.id, userId: null }, ivy.id)).toBeNull();
    expect(await cancelForPerson({ linkRegistrationId: null, userId: null }, ivy.id)).toBeNull();
    const [ivyRow] = await db.handle.db.select().from(registrations).where(eq(registrations.id, ivy.id));
    expect(ivyRow!.status).toBe('active');
    expect(await cancelForPerson({ linkRegistrationId: hal.id, userId: null }, hal.id, live)).toMatchObject({ cancelled: [live] });
    const [halRegs] = await registrationsOfPerson({ linkRegistrationId: hal.id, userId: null });
    expect(halRegs!.seats).toEqual([]);
  });
});

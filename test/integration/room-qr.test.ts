import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { pollResults } from '@/db/queries/polls';
import { programmeSessions, questions, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG } from '@/db/seed/data/demo';
import { config } from '@/lib/config';
import { shortCodeOf } from '@/lib/domain/live';
import { type JoinData, LIMITS, type Poll, type Question } from '@/lib/realtime/protocol';
import { GUEST_COOKIE, guestSecret, verifyGuestToken } from '@/server/auth/guest';
import { startGuestServer } from './guest-support';
import { ok, send } from './realtime-support';
import { type Db, realtimeScenario, seedUser } from './factories';

/**
 * The room's QR code (issue 34): `POST /api/guest` with a session's short code admits the browser
 * to that session only, under an optional first name, where its room admits guests (on site and
 * hybrid by default, the organizer's choice otherwise). Real HTTP through the request guard, real
 * Socket.IO clients, real Postgres.
 */
describe('the room’s QR code admits the room as guests (real HTTP, real socket.io-client, real Postgres)', () => {
  // The database, closed after the block once the guest server is (the later afterAll runs first).
  const scene = realtimeScenario();
  /** The demo's live session (hybrid) and another session of the same event (hybrid too). */
  let sessionId: string, otherId: string, onlineId: string;
  let db: Db;
  let server: Awaited<ReturnType<typeof startGuestServer>>;
  let base: string;
  const modCookie = 'next-auth.session-token=st-mod-room';
  const registeredCookie = 'next-auth.session-token=st-registered-room';
  const strangerCookie = 'next-auth.session-token=st-stranger-room';
  let registeredUserId: string;
  let strangerUserId: string;
  let address = 10;

  /** `POST /api/guest` with a JSON body, as the room's entry form sends it (each from its own address). */
  const enter = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/guest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${address++}`, ...headers },
      body: JSON.stringify(body),
    });
  const cookieOf = (res: Response) => {
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${GUEST_COOKIE}=`));
    expect(set, 'a guest cookie is set').toBeDefined();
    expect(set).toMatch(/;\s*HttpOnly/i);
    return set!.split(';')[0]!;
  };
  const identityOf = (cookie: string) => verifyGuestToken(cookie.slice(GUEST_COOKIE.length + 1), guestSecret(config()))!;
  /** A browser that scanned the room's code of `id` and tapped « Participer ». */
  const scanned = async (id: string, name?: string) => {
    const res = await enter(name ? { room: shortCodeOf(id), name } : { room: shortCodeOf(id) });
    expect(res.status).toBe(204);
    return cookieOf(res);
  };
  async function joined(id: string, cookie?: string) {
    const s = await server.connect(cookie ? { cookie } : {});
    return { s, data: await ok<JoinData>(s, 'session:join', { sessionId: id }) };
  }

  const person = async (email: string, name: string, token: string, grant?: { role: 'moderator'; eventId: string }) =>
    (await seedUser(db.handle.db, { email, name, token, ...grant })).user;

  beforeAll(async () => {
    db = await scene.database();
    await seed(db.handle.db);
    const programme = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    const bySlug = (slug: string) => programme.sessions.find((s) => s.slug === slug)!;
    sessionId = bySlug(DEMO_LIVE_SESSION_SLUG).id;
    otherId = bySlug('table-ronde-tiers-lieux').id;
    onlineId = programme.sessions.find((s) => s.mode === 'online' && s.visibility === 'public')!.id;
    const [live] = await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId));
    // The demo's defaults: a hybrid session, guests not let in by the old switch, the QR by format.
    expect(live).toMatchObject({ mode: 'hybrid', guestsWrite: false, roomQrGuests: null });
    await person('mod-room@chemins.test', 'Modé Salle', 'st-mod-room', { role: 'moderator', eventId: programme.event.id });
    const registered = await person('inscrite-room@chemins.test', 'Inscrite Salle', 'st-registered-room');
    registeredUserId = registered.id;
    await db.handle.db.insert(registrations).values({ eventId: programme.event.id, userId: registered.id, name: 'Inscrite Salle', email: registered.email });
    strangerUserId = (await person('passante-room@chemins.test', 'Passante Salle', 'st-stranger-room')).id;
    server = await startGuestServer(1000);
    base = server.base;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a guest admitted by the room asks, votes and answers polls under their first name, in that session only', async () => {
    const mod = await joined(sessionId, modCookie);
    const cookie = await scanned(sessionId, '  Camille ');
    const held = identityOf(cookie);
    expect(held).toMatchObject({ name: 'Camille', rooms: [sessionId] });
    const guest = await joined(sessionId, cookie);
    expect(guest.data.you).toMatchObject({ role: 'guest', id: `guest:${held.id}`, canWrite: true, isModerator: false, name: `Camille (invité·e ${held.id.slice(0, 4)})` });

    const q = await ok<Question>(guest.s, 'question:ask', { sessionId, body: 'Une question du fond de la salle ?' });
    expect(q).toMatchObject({ authorId: `guest:${held.id}`, authorName: `Camille (invité·e ${held.id.slice(0, 4)})`, status: 'visible' });
    const other = await ok<Question>(mod.s, 'question:ask', { sessionId, body: 'Une question de la régie ?' });
    expect(await ok<Question>(guest.s, 'question:vote', { questionId: other.id, vote: true })).toMatchObject({ votes: 1, votedByMe: true });
    expect(await send(guest.s, 'question:vote', { questionId: other.id, vote: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'La salle répond ?', options: ['Oui', 'Non'] });
    const poll = await ok<Poll>(mod.s, 'poll:launch', { pollId: draft.id });
    await ok(guest.s, 'poll:answer', { pollId: poll.id, answer: [0] });
    expect(await pollResults(poll)).toMatchObject({ total: 1, counts: [1, 0] });
    await ok(mod.s, 'poll:close', { pollId: poll.id });

    // Another session of the same event (hybrid too, so its own room would admit them): read only.
    const elsewhere = await joined(otherId, cookie);
    expect(elsewhere.data.you).toMatchObject({ role: 'guest', id: null, canWrite: false });
    expect(await send(elsewhere.s, 'question:ask', { sessionId: otherId, body: 'Et ici ?' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('QR code') },
    });
    const elsewhereQ = await ok<Question>(mod.s, 'question:ask', { sessionId: otherId, body: 'Question de la table ronde ?' });
    expect(await send(elsewhere.s, 'question:vote', { questionId: elsewhereQ.id, vote: true })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // Scanning the other room's code adds it, keeping the first and the name.
    const both = cookieOf(await enter({ room: shortCodeOf(otherId) }, { cookie }));
    expect(identityOf(both)).toMatchObject({ id: held.id, name: 'Camille', rooms: [sessionId, otherId] });
    expect((await joined(otherId, both)).data.you).toMatchObject({ id: `guest:${held.id}`, canWrite: true });
  });

  it('a guest cannot moderate: questions, Q&A mode, chat sanctions and polls are refused', async () => {
    const mod = await joined(sessionId, modCookie);
    const guest = await joined(sessionId, await scanned(sessionId));
    expect(guest.data.you.name).toMatch(/^Invité·e [0-9a-f]{4}$/);
    const q = await ok<Question>(mod.s, 'question:ask', { sessionId, body: 'À modérer ?' });
    for (const [event, payload] of [
      ['question:moderate', { questionId: q.id, action: 'dismiss' }],
      ['question:moderate', { questionId: q.id, action: 'on-air' }],
      ['qa:configure', { sessionId, moderation: 'pre' }],
      ['chat:moderate', { sessionId, userId: mod.data.you.id, action: 'ban' }],
      ['poll:create', { sessionId, kind: 'single', question: 'Un sondage pirate ?', options: ['A', 'B'] }],
    ] as const) {
      expect(await send(guest.s, event, payload), event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const [row] = await db.handle.db.select().from(questions).where(eq(questions.id, q.id));
    expect(row).toMatchObject({ status: 'visible', onAir: false });
    // And moderators moderate them as anyone: a dismissed guest question leaves the room.
    const asked = await ok<Question>(guest.s, 'question:ask', { sessionId, body: 'Hors sujet, désolé' });
    expect(await ok<Question>(mod.s, 'question:moderate', { questionId: asked.id, action: 'dismiss' })).toMatchObject({ status: 'dismissed' });
  });

  it('rate limits apply to guests as to everyone', async () => {
    const guest = await joined(sessionId, await scanned(sessionId, 'Pressé'));
    for (let i = 0; i < LIMITS.rateCount; i++) await ok(guest.s, 'question:ask', { sessionId, body: `Question rapide ${i}` });
    expect(await send(guest.s, 'question:ask', { sessionId, body: 'Une de trop' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await send(guest.s, 'chat:send', { sessionId, body: 'Un message de trop' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('a signed-in person acts as themselves: a registrant straight away, an unregistered one once the room admits them', async () => {
    const registered = await joined(sessionId, registeredCookie);
    expect(registered.data.you).toMatchObject({ id: `user:${registeredUserId}`, canWrite: true, role: 'participant' });
    const mine = await ok<Question>(registered.s, 'question:ask', { sessionId, body: 'Je suis inscrite ?' });
    expect(mine).toMatchObject({ authorId: `user:${registeredUserId}`, authorName: 'Inscrite Salle' });
    // With a room cookie too: still themselves, not a guest.
    const cookie = await scanned(sessionId, 'Pseudo');
    const both = await joined(sessionId, `${registeredCookie}; ${cookie}`);
    expect(both.data.you).toMatchObject({ id: `user:${registeredUserId}`, name: 'Inscrite Salle', canWrite: true });

    const stranger = await joined(sessionId, strangerCookie);
    expect(stranger.data.you).toMatchObject({ id: `user:${strangerUserId}`, canWrite: false });
    expect(await send(stranger.s, 'question:ask', { sessionId, body: 'Sans inscription ?' })).toMatchObject({ ok: false, error: { code: 'not_registered' } });
    const admitted = await joined(sessionId, `${strangerCookie}; ${await scanned(sessionId)}`);
    expect(admitted.data.you).toMatchObject({ id: `user:${strangerUserId}`, name: 'Passante Salle', canWrite: true });
    expect(await ok<Question>(admitted.s, 'question:ask', { sessionId, body: 'Depuis la salle, connectée ?' })).toMatchObject({ authorId: `user:${strangerUserId}` });
  });

  it('a session that asks for registration refuses the room’s guests, with a clear failed ack; online sessions ask for it by default', async () => {
    const target = otherId;
    const before = await scanned(target, 'Avant');
    await db.handle.db.update(programmeSessions).set({ roomQrGuests: false }).where(eq(programmeSessions.id, target));
    try {
      const refused = await enter({ room: shortCodeOf(target), name: 'Après' });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: 'registration_required', message: expect.stringContaining('register') } });
      expect(refused.headers.getSetCookie()).toEqual([]);
      // A guest the room admitted before the switch reads only now.
      const late = await joined(target, before);
      expect(late.data.you).toMatchObject({ role: 'guest', id: null, canWrite: false });
      const ack = await send(late.s, 'question:ask', { sessionId: target, body: 'Encore là ?' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('register') } });
      expect(await send(late.s, 'chat:send', { sessionId: target, body: 'Encore là ?' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    } finally {
      await db.handle.db.update(programmeSessions).set({ roomQrGuests: null }).where(eq(programmeSessions.id, target));
    }
    expect((await enter({ room: shortCodeOf(onlineId) })).status).toBe(403);
    // The organizer may open an online session's code to guests.
    await db.handle.db.update(programmeSessions).set({ roomQrGuests: true }).where(eq(programmeSessions.id, onlineId));
    try {
      expect((await enter({ room: shortCodeOf(onlineId) })).status).toBe(204);
    } finally {
      await db.handle.db.update(programmeSessions).set({ roomQrGuests: null }).where(eq(programmeSessions.id, onlineId));
    }
  });

  it('refuses bad entries in the error shape: unknown code, bad code, a name without a room, a name too long or with control characters', async () => {
    const unknown = await enter({ room: '00000000' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'session_not_found', message: expect.any(String) } });
    for (const body of [{ room: 'not-hex!' }, { name: 'Camille' }, { room: shortCodeOf(sessionId), name: 'x'.repeat(41) }, { room: shortCodeOf(sessionId), name: 'Ca\u0000mille' }, { room: shortCodeOf(sessionId), rooms: [otherId] }]) {
      const res = await enter(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid' } });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});

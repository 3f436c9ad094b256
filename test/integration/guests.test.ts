import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { pollResults } from '@/db/queries/polls';
import { chatMessages, programmeSessions, questions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG } from '@/db/seed/data/demo';
import { config } from '@/lib/config';
import type { ChatMessage, JoinData, Poll, Question } from '@/lib/realtime/protocol';
import { GUEST_COOKIE, guestSecret, newGuestIdentity, signGuestToken, verifyGuestToken } from '@/server/auth/guest';
import { type Db, realtimeScenario, seedUser } from './factories';
import { startGuestServer } from './guest-support';
import { collect, nextEvent, ok, send, until } from './realtime-support';

/**
 * Guests' identity is issued by the server (issue 27, finding 5): `POST /api/guest` through the
 * request guard sets a signed cookie, and the realtime handshake trusts that cookie only, never
 * what a client says (`auth.guest`). Real HTTP and real Socket.IO clients on one loopback server
 * (the guard, the route as Next would call it, the realtime server), real Postgres.
 */
describe('server-issued guest identities (real HTTP, real socket.io-client, real Postgres)', () => {
  // The database, closed after the block once the guest server is (the later afterAll runs first).
  const scene = realtimeScenario();
  let db: Db;
  let server: Awaited<ReturnType<typeof startGuestServer>>;
  let base: string;
  let sessionId: string;
  const modCookie = 'next-auth.session-token=st-mod-guests';

  const installLimit = (guests: number) => server.limit(guests);

  /** `POST /api/guest` from a client address (X-Forwarded-For: the guard trusts the proxy here). */
  const issue = (address: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/guest`, { method: 'POST', headers: { 'x-forwarded-for': address, ...headers } });
  /** The `chemins-guest=<token>` pair of an answer's Set-Cookie. */
  const cookieOf = (res: Response) => {
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${GUEST_COOKIE}=`));
    expect(set, 'a guest cookie is set').toBeDefined();
    expect(set).toMatch(/;\s*HttpOnly/i);
    expect(set).toMatch(/;\s*SameSite=Lax/i);
    return set!.split(';')[0]!;
  };
  const idOf = (cookie: string) => verifyGuestToken(cookie.slice(GUEST_COOKIE.length + 1), guestSecret(config()))!.id;
  /** A new guest as a browser gets one. */
  const newGuest = async () => cookieOf(await issue(`198.51.100.${100 + Math.floor(Math.random() * 150)}`));

  async function joined(opts: { cookie?: string; guest?: string } = {}) {
    const s = await server.connect(opts);
    return { s, data: await ok<JoinData>(s, 'session:join', { sessionId }) };
  }

  beforeAll(async () => {
    db = await scene.database();
    await seed(db.handle.db);
    const programme = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    sessionId = programme.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!.id;
    await db.handle.db.update(programmeSessions).set({ guestsWrite: true }).where(eq(programmeSessions.id, sessionId));
    await seedUser(db.handle.db, { email: 'mod-guests@chemins.test', name: 'Modé Invité·es', role: 'moderator', eventId: programme.event.id, token: 'st-mod-guests' });
    server = await startGuestServer(1000);
    base = server.base;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a guest with the issued cookie takes part, and two tabs (two sockets, one cookie) are one person', async () => {
    const mod = await joined({ cookie: modCookie });
    const observer = await joined();
    const seen: unknown[] = [];
    for (const e of ['question:created', 'question:updated', 'chat:message', 'presence:updated', 'poll:launched', 'poll:results']) seen.push(collect(observer.s, e));
    const modSeen = collect<unknown>(mod.s, 'presence:updated');

    const cookie = await newGuest();
    const id = idOf(cookie);
    const tabA = await joined({ cookie });
    const tabB = await joined({ cookie });
    for (const tab of [tabA, tabB]) expect(tab.data.you).toMatchObject({ role: 'guest', id: `guest:${id}`, canWrite: true, name: `Invité·e ${id.slice(0, 4)}` });
    expect(tabA.data.guestsWrite).toBe(true);

    // One person in presence, whichever tab.
    await until(async () => {
      const p = (await ok<JoinData>(mod.s, 'session:join', { sessionId })).presence;
      return (p.people ?? []).filter((x) => x.id === `guest:${id}`).length === 1;
    });
    // Asked in one tab, the question is theirs in the other (their own view, with its author).
    const inB = nextEvent<Question>(tabB.s, 'question:created', (q) => q.body === 'Une question de la salle ?');
    const q = await ok<Question>(tabA.s, 'question:ask', { sessionId, body: 'Une question de la salle ?' });
    expect(q.authorId).toBe(`guest:${id}`);
    expect((await inB).authorId).toBe(`guest:${id}`);
    // A vote from one tab is the person's: the other tab cannot vote again.
    const other = await ok<Question>(mod.s, 'question:ask', { sessionId, body: 'Et celle-ci ?' });
    await ok(tabA.s, 'question:vote', { questionId: other.id, vote: true });
    expect(await send(tabB.s, 'question:vote', { questionId: other.id, vote: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A poll answered from both tabs is one answer.
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'Deux onglets ?', options: ['Oui', 'Non'] });
    const poll = await ok<Poll>(mod.s, 'poll:launch', { pollId: draft.id });
    await ok(tabA.s, 'poll:answer', { pollId: poll.id, answer: [0] });
    await ok(tabB.s, 'poll:answer', { pollId: poll.id, answer: [1] });
    expect(await pollResults(poll)).toMatchObject({ total: 1, counts: [0, 1] });
    // Withdrawing from the other tab works: it is the same person.
    await ok(tabB.s, 'question:withdraw', { questionId: q.id });
    await ok(mod.s, 'poll:close', { pollId: poll.id });

    // Nothing sent to others carries the cookie's signature: the id alone (authorId) is useless.
    const signature = cookie.split('.').pop()!;
    expect(signature.length).toBeGreaterThan(20);
    await until(() => modSeen.length > 0, 10_000, 'a presence update');
    expect(JSON.stringify([seen, modSeen])).not.toContain(signature);
    expect(JSON.stringify([seen, modSeen])).not.toContain(cookie.slice(GUEST_COOKIE.length + 1));
  });

  it('a client that claims another guest’s id (auth.guest) or shows a forged cookie cannot act as them', async () => {
    const mod = await joined({ cookie: modCookie });
    const cookie = await newGuest();
    const id = idOf(cookie);
    // The victim's browser also claims its id at the handshake, as browsers used to: ignored now.
    const victim = await joined({ cookie, guest: id });
    const q = await ok<Question>(victim.s, 'question:ask', { sessionId, body: 'Ma question à moi ?' });
    const m = await ok<ChatMessage>(victim.s, 'chat:send', { sessionId, body: 'Mon message à moi' });
    expect(m.authorId).toBe(`guest:${id}`);
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'Usurpation ?', options: ['Oui', 'Non'], anonymous: false });
    const poll = await ok<Poll>(mod.s, 'poll:launch', { pollId: draft.id });
    await ok(victim.s, 'poll:answer', { pollId: poll.id, answer: [0] });

    const token = cookie.slice(GUEST_COOKIE.length + 1);
    const [payload, signature] = token.split('.') as [string, string];
    const held = verifyGuestToken(token, guestSecret(config()))!;
    const otherPayload = Buffer.from(JSON.stringify({ id, exp: held.exp + 86_400 })).toString('base64url');
    const attackers = {
      // What anyone reads in the chat: the id, claimed at the handshake as browsers used to.
      claimed: { guest: id },
      claimedFull: { guest: `guest:${id}` },
      // Cookies that are not the server's: the bare id, the payload without or with a bad signature,
      // the victim's id with a fresh expiry under the old signature, one signed with another secret.
      bareId: { cookie: `${GUEST_COOKIE}=${id}` },
      unsigned: { cookie: `${GUEST_COOKIE}=${payload}.` },
      tampered: { cookie: `${GUEST_COOKIE}=${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}` },
      resigned: { cookie: `${GUEST_COOKIE}=${otherPayload}.${signature}` },
      otherSecret: { cookie: `${GUEST_COOKIE}=${signGuestToken(newGuestIdentity(Date.now(), id), 'not-the-server-secret-at-all')}` },
    };
    for (const [what, opts] of Object.entries(attackers)) {
      const a = await joined(opts);
      expect(a.data.you, what).toMatchObject({ role: 'guest', id: null, canWrite: false });
      for (const [event, payload] of [
        ['question:withdraw', { questionId: q.id }],
        ['chat:delete', { messageId: m.id }],
        ['poll:answer', { pollId: poll.id, answer: [1] }],
        ['question:ask', { sessionId, body: `Au nom d’un·e autre (${what})` }],
        ['chat:send', { sessionId, body: `Au nom d’un·e autre (${what})` }],
      ] as const) {
        expect(await send(a.s, event, payload), `${what} ${event}`).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
    }
    // The victim's question, message and answer are as they were.
    const [stillAsked] = await db.handle.db.select().from(questions).where(eq(questions.id, q.id));
    expect(stillAsked?.withdrawnAt).toBeNull();
    expect(await db.handle.db.select().from(chatMessages).where(eq(chatMessages.id, m.id))).toHaveLength(1);
    expect(await pollResults(poll)).toMatchObject({ total: 1, counts: [1, 0] });
    await ok(mod.s, 'poll:close', { pollId: poll.id });
  });

  it('connections without the cookie, however many, give no votes and no poll answers', async () => {
    const mod = await joined({ cookie: modCookie });
    const q = await ok<Question>(mod.s, 'question:ask', { sessionId, body: 'Combien de voix ?' });
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'Bourrage ?', options: ['Oui', 'Non'] });
    const poll = await ok<Poll>(mod.s, 'poll:launch', { pollId: draft.id });
    for (let i = 0; i < 8; i++) {
      // A new id per connection, as a script would claim, or none at all.
      const c = await joined(i % 2 ? { guest: randomUUID() } : {});
      expect(c.data.you).toMatchObject({ id: null, canWrite: false });
      expect(await send(c.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await send(c.s, 'question:vote', { questionId: q.id, vote: true })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      c.s.disconnect();
    }
    expect(await pollResults(poll)).toMatchObject({ total: 0 });
    const [row] = await db.handle.db.select().from(questions).where(eq(questions.id, q.id));
    expect(row?.votes).toBe(0);
    await ok(mod.s, 'poll:close', { pollId: poll.id });
  });

  it('issues identities under a per-address limit: 429 in the error shape, renewals not counted, other addresses not held up', async () => {
    await installLimit(3);
    try {
      const first = await issue('203.0.113.7');
      expect(first.status).toBe(204);
      const cookie = cookieOf(first);
      expect((await issue('203.0.113.7')).status).toBe(204);
      expect((await issue('203.0.113.7')).status).toBe(204);
      const refused = await issue('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(refused.headers.getSetCookie()).toEqual([]);
      // The address header Next reads is the guard's, not the client's.
      expect((await issue('203.0.113.7', { 'x-chemins-client-address': '198.51.100.1' })).status).toBe(429);
      // A browser that holds a valid identity renews it (same id), uncounted.
      const renewed = await issue('203.0.113.7', { cookie });
      expect(renewed.status).toBe(204);
      expect(idOf(cookieOf(renewed))).toBe(idOf(cookie));
      // A forged cookie is no identity: counted, so refused.
      expect((await issue('203.0.113.7', { cookie: `${GUEST_COOKIE}=${idOf(cookie)}` })).status).toBe(429);
      expect((await issue('198.51.100.9')).status).toBe(204);
    } finally {
      await installLimit(1000);
    }
  });

  it('refuses a body that is not `{}` with 400 in the error shape', async () => {
    const res = await issue('192.0.2.1', { 'content-type': 'application/json' });
    expect(res.status).toBe(204);
    const bad = await fetch(`${base}/api/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"x"}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid' } });
    const notJson = await fetch(`${base}/api/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });
});

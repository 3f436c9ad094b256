import { createServer, request, type Server } from 'node:http';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, programmeSessions, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { GET as joinRoute } from '@/app/api/join/route';
import { type Config, parseConfig } from '@/lib/config';
import { createGuard } from '@/server/http/guard';
import { createRateLimiter } from '@/server/http/rate-limit';
import { handleRegistrations } from '@/server/http/registrations';
import { io } from 'socket.io-client';
import { startRealtime } from './realtime-support';
import { closeServer, type Db, limitSettings, listenLocally, rateLimits } from './factories';
import { requireEnv, useFreshDatabase } from './support';

/**
 * The request guard and the rate limits of public writes (issue 16 #3, #5), over real HTTP on
 * loopback with the registrations handler the Node server uses, real Postgres and real Redis; and
 * Socket.IO's Origin check with real clients.
 */
const settings = limitSettings;

describe('public writes: guard and rate limits (real Postgres, real Redis)', () => {
  const limits = rateLimits();
  let db: Db;
  let server: Server;
  let base: string;
  let sessionId: string;
  /** Bytes of bodies the stand-in for Next read (it reads whole bodies, as Next does). */
  let readByNext = 0;

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, path = `/api/events/${DEMO_EVENT_SLUG}/registrations`) =>
    fetch(`${base}${path}`, { method: 'POST', headers, body });
  const registration = (email: string) => JSON.stringify({ name: 'Awa', email, sessionIds: [sessionId], consent: true });
  const stored = async (pattern: string) => (await db.handle.db.select().from(registrations).where(like(registrations.email, pattern))).length;
  const install = limits.install;

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    const [event] = await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const [s] = await db.handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 'guard', title: 'guard', kind: 'workshop', startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) })
      .returning();
    sessionId = s!.id;
    const guard = createGuard({ publicOrigin: 'http://chemins.test', trustProxy: false });
    server = createServer((req, res) => {
      void guard(req, res).then((answered) => {
        if (answered || handleRegistrations(req, res)) return;
        req.on('data', (c: Buffer) => (readByNext += c.length));
        req.on('end', () => res.end('next'));
      });
    });
    base = await listenLocally(server);
  });
  afterAll(async () => {
    await closeServer(server);
    await db?.close();
  });

  it('registrations past the per-address limit are 429 with Retry-After, and nothing more is stored', async () => {
    await install(settings({ mailPerAddress: 5 }));
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await post(registration(`flood${i}@per-address.test`)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const refused = answers[5]!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(await stored('%@per-address.test')).toBe(5);
  });

  it('registrations of one e-mail past the per-e-mail limit are 429', async () => {
    await install(settings({ mailPerEmail: 3 }));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(registration('same@per-email.test'))).status);
    expect(statuses).toEqual([201, 202, 202, 429, 429]);
    // Another address is not held up by it.
    expect((await post(registration('other@per-email.test'))).status).toBe(201);
  });

  it('every state-changing request counts in the per-address writes limit; reads do not', async () => {
    await install(settings({ writes: 3 }));
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/api/events`)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('{}', { 'content-type': 'application/json' }, '/api/registrations/x/cancel')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits are shared by every process through Redis', async () => {
    const shared = settings({ mailPerEmail: 4 }, requireEnv('REDIS_URL'));
    const a = await createRateLimiter(shared);
    const b = await createRateLimiter(shared);
    try {
      const seen = [];
      for (const l of [a, b, a, b, a, b]) seen.push(await l.hit('mailPerEmail', 'shared@redis.test'));
      expect(seen.slice(0, 4)).toEqual([null, null, null, null]);
      expect(seen[4]).toBeGreaterThan(0);
      expect(seen[5]).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a cross-site form (text/plain JSON) is 415, a foreign Origin 403, and neither stores anything', async () => {
    await install(settings({}));
    const plain = await post(registration('form@cross-site.test'), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.code).toBe('unsupported_media_type');
    const foreign = await post(registration('origin@cross-site.test'), { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('forbidden_origin');
    const fetchSite = await post(registration('site@cross-site.test'), { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    // This site's own origin, and no origin at all (a script, a server), are accepted.
    expect((await post(registration('same@cross-site.test'), { 'content-type': 'application/json', origin: base })).status).toBe(201);
    expect((await post(registration('public@cross-site.test'), { 'content-type': 'application/json', origin: 'http://chemins.test' })).status).toBe(201);
    expect(await stored('%@cross-site.test')).toBe(2);
  });

  /** Send headers and only `send` bytes of the body; resolve with the answer (the body is never finished). */
  function partial(path: string, headers: Record<string, string>, send: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, { method: 'POST', headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(send, 0x20));
    });
  }

  it('a body over its route’s limit is 413 before it is read (Content-Length), a chunked one 411 or 413 as it comes', async () => {
    await install(settings({}));
    const before = readByNext;
    const huge = String(200 * 1024 * 1024);
    const webhook = await partial('/api/livekit/webhook', { 'content-type': 'application/webhook+json', 'content-length': huge }, 1024);
    expect(webhook.status).toBe(413);
    expect(JSON.parse(webhook.body).error.code).toBe('payload_too_large');
    const moderate = await partial(`/api/sessions/${sessionId}/room/moderate`, { 'content-type': 'application/json', 'content-length': huge }, 1024);
    expect(moderate.status).toBe(413);
    // Chunked: refused outright where Next would read it, capped as it comes for registrations.
    const chunked = await partial('/api/livekit/webhook', { 'content-type': 'application/webhook+json', 'transfer-encoding': 'chunked' }, 0);
    expect(chunked.status).toBe(411);
    const chunkedRegistration = await partial(`/api/events/${DEMO_EVENT_SLUG}/registrations`, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, 300 * 1024);
    expect(chunkedRegistration.status).toBe(413);
    expect(readByNext).toBe(before);
  });

  it('TRACE and unknown methods are 405, a NUL byte in the address 400, with the error shape', async () => {
    for (const method of ['TRACE', 'PROPFIND']) {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${base}/api/events`, { method }, (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(405);
      expect(JSON.parse(res.body).error.code).toBe('method_not_allowed');
    }
    // A method the API operation does not have (lib/api/routes.ts): 405 with what it has.
    const put = await fetch(`${base}/api/events`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect((await put.json()).error.code).toBe('method_not_allowed');
    const del = await fetch(`${base}/api/paths/some-path/order`, { method: 'DELETE' });
    expect([del.status, del.headers.get('allow')]).toEqual([405, 'PUT']);
    for (const path of ['/api/join?token=%00', '/api/me/calendar.ics?token=%00', '/api/registrations/a%00b/cancel']) {
      const res = await fetch(`${base}${path}`, { method: path.endsWith('cancel') ? 'POST' : 'GET' });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });

  it('/api/join: the cookie is Secure when PUBLIC_URL is https, and next= leads only to a path of this site', async () => {
    await install(settings({}));
    const { joinToken } = (await (await post(registration('join@cookie.test'))).json()) as { joinToken: string };
    const g = globalThis as unknown as { __cheminsConfig?: Config };
    const saved = g.__cheminsConfig;
    g.__cheminsConfig = parseConfig({ ...process.env, PUBLIC_URL: 'https://chemins.example.org' });
    try {
      for (const next of ['/%5Cevil.example/x', '/%09/evil.example', '//evil.example']) {
        const res = await joinRoute(new Request(`http://127.0.0.1/api/join?token=${joinToken}&next=${next}`));
        expect(res.status).toBe(303);
        expect(res.headers.get('location'), next).toBe('/r');
        expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      }
    } finally {
      g.__cheminsConfig = saved;
    }
  });

  it('a NUL character in a JSON body is 400 naming the field', async () => {
    const res = await post(JSON.stringify({ name: 'A\u0000B', email: 'nul@body.test', sessionIds: [sessionId], consent: true }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid', message: expect.any(String), fields: { name: expect.any(String) } } });
    expect(await stored('%@body.test')).toBe(0);
  });
});

describe('Socket.IO refuses cookie-authenticated connections from another site', () => {
  let rt: Awaited<ReturnType<typeof startRealtime>>;
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    rt = await startRealtime();
  });
  afterAll(async () => {
    await rt?.rt.close();
    await new Promise((r) => rt?.http.close(r));
    await db?.close();
  });

  it('a foreign Origin with cookies is refused; the same origin, or no cookie, connects', async () => {
    const attempt = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = io(rt.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', () => {
          socket.disconnect();
          resolve('refused');
        });
      });
    expect(await attempt({ origin: 'http://evil.example', cookie: 'chemins_join=abc' })).toBe('refused');
    expect(await attempt({ origin: rt.url, cookie: 'chemins_join=abc' })).toBe('connected');
    expect(await attempt({ origin: 'http://evil.example' })).toBe('connected');
    expect(await attempt({ cookie: 'chemins_join=abc' })).toBe('connected');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { openLinkSession } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { events, paths, programmeSessions, registrations, roleGrants, sessions, users } from '@/db/schema';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG } from '@/db/seed/data/demo';
import type { Identity } from '@/db/queries/identity';
import { DomainError } from '@/lib/errors';
import { JOIN_COOKIE, type JoinData } from '@/lib/realtime/protocol';
import { createRateLimiter, type RateLimiter, type RateLimitSettings, setRateLimiter } from '@/server/http/rate-limit';
import type { Realtime } from '@/server/realtime';
import { type Client, client, ok, type Proc, spawnServer, startRealtime } from './realtime-support';
import { type Driver, useFreshDatabase as freshDatabase } from './support';

/**
 * Factories and scenarios shared by the integration suites (docs/architecture.md, "Tests"): each
 * builds one piece of a suite's world on the database installed by `useFreshDatabase` (or by a
 * scenario's `database()`), with real rows, the way the application itself would find them.
 */

export type Db = Awaited<ReturnType<typeof freshDatabase>>;
type Tx = Db['handle']['db'];
type Role = (typeof roleGrants.$inferInsert)['role'];

const HOUR = 3600_000;
let counter = 0;

/** The `next-auth.session-token` cookie of a database session. */
export const sessionCookie = (token: string) => `next-auth.session-token=${token}`;

/** A database session (as the magic-link callback opens one) for a user: its cookie. */
export async function signInAs(db: Tx, userId: string, token = `st-${userId}-${++counter}`): Promise<string> {
  await db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + HOUR) });
  return sessionCookie(token);
}

/** An account with an optional role grant in its scope (`eventId`; `sessionId` for a speaker of one session; `pathId`). */
export async function seedAccount(
  db: Tx,
  opts: { email: string; name?: string | null; role?: Role; eventId?: string; sessionId?: string; pathId?: string },
) {
  const [user] = await db.insert(users).values({ email: opts.email, name: opts.name ?? null }).returning();
  if (opts.role) await db.insert(roleGrants).values({ userId: user!.id, role: opts.role, eventId: opts.eventId, sessionId: opts.sessionId, pathId: opts.pathId });
  const identity: Identity = { kind: 'user', userId: user!.id, name: user!.name ?? '', email: user!.email };
  return { user: user!, id: user!.id, identity };
}

/**
 * A signed-in account: `seedAccount` and a database session; `cookie` is what its browser sends,
 * `identity` what the server reads from it.
 */
export async function seedUser(db: Tx, opts: Parameters<typeof seedAccount>[1] & { token?: string }) {
  const account = await seedAccount(db, opts);
  return { ...account, cookie: await signInAs(db, account.id, opts.token) };
}

/** The coordinator of a path (by slug): the account and the actor that writes its resources. */
export async function seedCoordinator(db: Tx, opts: { email: string; name?: string; pathSlug: string }) {
  const [path] = await db.select().from(paths).where(eq(paths.slug, opts.pathSlug));
  const account = await seedAccount(db, { email: opts.email, name: opts.name ?? 'Coord', role: 'coordinator', pathId: path!.id });
  return { id: account.id, actor: await actorFromUser(account.id) };
}

/** An account that exists already (the demo people of the seed), signed in. */
export async function signInExisting(db: Tx, email: string, token?: string): Promise<{ userId: string; cookie: string }> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { userId: u!.id, cookie: await signInAs(db, u!.id, token) };
}

/**
 * A programme session of an event, online and live by default (started ten minutes ago, for an
 * hour); `values` overrides any column. Returns its id.
 */
export async function seedSession(db: Tx, values: { eventId: string; slug: string } & Partial<typeof programmeSessions.$inferInsert>): Promise<string> {
  const [row] = await db
    .insert(programmeSessions)
    .values({
      title: values.slug,
      kind: 'plenary',
      mode: 'online',
      startsAt: new Date(Date.now() - 600_000),
      endsAt: new Date(Date.now() + HOUR),
      ...values,
    })
    .returning({ id: programmeSessions.id });
  return row!.id;
}

/** A workshop of `eventId` tomorrow, one hour long, on site (`values` overrides any column), as the registration and seat rules see one: its id. */
export function seedUpcomingWorkshop(db: Tx, values: Parameters<typeof seedSession>[1]): Promise<string> {
  const tomorrow = Date.now() + 24 * HOUR;
  return seedSession(db, { kind: 'workshop', mode: 'onsite', startsAt: new Date(tomorrow), endsAt: new Date(tomorrow + HOUR), ...values });
}

/** The demo event (after `seed`): its id and the id of its live session. */
export async function demoLive(): Promise<{ eventId: string; liveId: string }> {
  const programme = (await getEventProgramme(DEMO_EVENT_SLUG))!;
  return { eventId: programme.event.id, liveId: programme.sessions.find((s) => s.slug === DEMO_LIVE_SESSION_SLUG)!.id };
}

/**
 * A registrant of the demo event (through `register`, as the form does): `token` is their personal
 * link's token, `key` their id in live rooms.
 */
export async function registrant(name: string, opts: { email?: string; sessionIds?: string[] } = {}) {
  const email = opts.email ?? `${name.toLowerCase()}-${++counter}@chemins.test`;
  const r = await register(DEMO_EVENT_SLUG, { name, email, sessionIds: opts.sessionIds ?? [], answers: {}, consent: true });
  return { email, id: r.registration.id, token: r.registration.joinToken, key: `registration:${r.registration.id}` };
}

/**
 * A registrant who opened the link mailed to them (their address is proven: docs/security.md):
 * `cookie` is that browser's link session, `token` the personal link's token as it is then.
 */
export async function linkedRegistrant(db: Tx, name: string, email: string) {
  const r = await registrant(name, { email });
  const [row] = await db.select().from(registrations).where(eq(registrations.id, r.id));
  const opened = await openLinkSession(row!.mailToken);
  const [now] = await db.select().from(registrations).where(eq(registrations.id, r.id));
  return { ...r, token: now!.joinToken, cookie: `${JOIN_COOKIE}=${opened!.secret}` };
}

type ClientOptions = Parameters<typeof client>[1];

/**
 * A live-room scenario: call it at the top of a `describe`; in `beforeAll`, `database(driver)`
 * opens a fresh database and `start()` the realtime server (or `spawn()` server processes). Every
 * socket opened through it, the processes, the server and the database are closed after the block.
 */
export type RealtimeScenario = {
  /** The database (after `database()`), the realtime server and its URL (after `start()`). */
  db: Db;
  rt: Realtime | undefined;
  url: string;
  sockets: Client[];
  procs: Proc[];
  database(driver?: Driver): Promise<Db>;
  start(redisUrl?: string): Promise<{ url: string; rt: Realtime }>;
  spawn(env: Parameters<typeof spawnServer>[0]): Promise<Proc>;
  /** A connected socket.io-client (to the started server unless `url` says otherwise). */
  open(opts?: ClientOptions, url?: string): Promise<Client>;
  /** A socket that joined a session's room: the socket and what the join answered. */
  joined(sessionId: string, opts?: ClientOptions, url?: string): Promise<{ s: Client; data: JoinData }>;
  /** Close it all now (a suite that must close more after it, a plain HTTP server, calls it first). */
  close(): Promise<void>;
};

export function realtimeScenario(): RealtimeScenario {
  let closed: Promise<void> | undefined;
  const scene: RealtimeScenario = {
    db: undefined as unknown as Db,
    rt: undefined,
    url: '',
    sockets: [],
    procs: [],
    async database(driver = 'postgres') {
      scene.db = await freshDatabase(driver);
      return scene.db;
    },
    async start(redisUrl) {
      const server = await startRealtime(redisUrl);
      scene.rt = server.rt;
      scene.url = server.url;
      return server;
    },
    async spawn(env) {
      const p = await spawnServer(env);
      scene.procs.push(p);
      return p;
    },
    async open(opts = {}, url = scene.url) {
      const s = await client(url, opts);
      scene.sockets.push(s);
      return s;
    },
    async joined(sessionId, opts = {}, url = scene.url) {
      const s = await scene.open(opts, url);
      const data = await ok<JoinData>(s, 'session:join', { sessionId });
      return { s, data };
    },
    close: () =>
      (closed ??= (async () => {
        for (const s of scene.sockets) s.disconnect();
        for (const p of scene.procs) {
          p.child.kill('SIGTERM');
          await p.exited;
        }
        await scene.rt?.close();
        await scene.db?.close();
      })()),
  };
  afterAll(() => scene.close());
  return scene;
}

/**
 * Rate limits a suite sets as it goes: `install(settings)` replaces the process-wide limiter with
 * a new one (see `limitSettings`); the last one is removed and closed after the block.
 */
export function rateLimits() {
  let limiter: RateLimiter | undefined;
  const install = async (settings: RateLimitSettings) => {
    await limiter?.close();
    limiter = await createRateLimiter(settings);
    setRateLimiter(limiter);
    return limiter;
  };
  afterAll(async () => {
    setRateLimiter(undefined);
    await limiter?.close();
  });
  return { install };
}

/** Limiter settings with a key prefix of their own (every limit not named is 0: no limit). */
export const limitSettings = (points: Partial<RateLimitSettings['points']>, redisUrl?: string): RateLimitSettings => ({
  windowSeconds: 600,
  points: { writes: 0, mailPerAddress: 0, mailPerEmail: 0, guests: 0, ...points },
  redisUrl,
  prefix: `chemins-test:${Date.now()}:${Math.random().toString(36).slice(2)}`,
});

/** What a refused call answers, as `'403 removed'` (`status code` of its DomainError); `'admitted'` when it passes. */
export async function refusalOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'admitted';
  } catch (err) {
    if (err instanceof DomainError) return `${err.status} ${err.code}`;
    throw err;
  }
}

/** Listen on an ephemeral loopback port: the server's base URL. */
export async function listenLocally(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Close a server (if it was made) and wait until it is closed. */
export const closeServer = (server: Server | undefined) => new Promise<unknown>((resolve) => (server ? server.close(resolve) : resolve(undefined)));

/** A fresh database of `driver` with the demo seeded (db/seed): the database, its handle and the demo edition's id. */
export async function seededDemo(driver: Driver) {
  const { seed } = await import('@/db/seed');
  const db = await freshDatabase(driver);
  await seed(db.handle.db);
  const [event] = await db.handle.db.select({ id: events.id }).from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
  return { db, handle: db.handle, eventId: event!.id };
}

/** The registrations endpoint the Node server answers itself (server/http/registrations.ts), alone on a loopback port; 404 for anything else. */
export async function registrationsServer(): Promise<{ server: Server; base: string }> {
  const { handleRegistrations } = await import('@/server/http/registrations');
  const server = createServer((req, res) => {
    if (handleRegistrations(req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  return { server, base: await listenLocally(server) };
}

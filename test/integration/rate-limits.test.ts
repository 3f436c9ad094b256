import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as verifyRoute } from '@/app/api/credentials/verify/route';
import { POST as eraseRoute } from '@/app/api/me/erase/route';
import { POST as proposalsRoute } from '@/app/api/paths/[path]/proposals/route';
import { POST as subscriptionsRoute } from '@/app/api/paths/[path]/subscriptions/route';
import { register } from '@/db/queries/registrations';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { createGuard } from '@/server/http/guard';
import { type LimitName } from '@/server/http/rate-limit';
import { closeServer, type Db, limitSettings, listenLocally, rateLimits } from './factories';
import { requireEnv, useFreshDatabase } from './support';

/**
 * Issue 27, finding 7: the routes that kept their own limits keyed them on the first hop of
 * X-Forwarded-For, which the client writes. Through the real request gate and the routes' own
 * handlers, over HTTP on loopback, with the counts in the real Redis: a new X-Forwarded-For is no
 * new bucket; with TRUST_PROXY=1 the proxy's last hop is the key.
 */
type Handler = (req: Request, ctx: { params: Promise<{ path: string }> }) => Promise<Response>;

const ROUTES: { path: string; handler: Handler; limit: LimitName; body: string }[] = [
  // Each body is refused by the route (400) after the limit has counted it: nothing is written.
  { path: '/api/credentials/verify', handler: verifyRoute, limit: 'verificationsPerAddress', body: '{}' },
  { path: '/api/me/erase', handler: eraseRoute, limit: 'erasuresPerAddress', body: '{"confirm":false}' },
  { path: '/api/paths/vers-une-sante-ouverte/proposals', handler: proposalsRoute, limit: 'proposalsPerAddress', body: '{}' },
  { path: '/api/paths/vers-une-sante-ouverte/subscriptions', handler: subscriptionsRoute, limit: 'subscriptionsPerAddress', body: '{"locale":"xx"}' },
];
const LIMIT = 3;

/** The gate, then the route's handler with the request as Next would hand it on (the gate's headers included). */
function serve(trustProxy: boolean): Server {
  const guard = createGuard({ publicOrigin: 'http://chemins.test', trustProxy });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    void guard(req, res).then(async (answered) => {
      if (answered) return;
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const path = req.url!.split('?')[0]!;
      const route = ROUTES.find((r) => r.path === path)!;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const answer = await route.handler(request, { params: Promise.resolve({ path: path.split('/')[3] ?? '' }) });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
}

const listen = listenLocally;

describe('named limits are keyed on the address the gate trusts (real Postgres, real Redis)', () => {
  const limits = rateLimits();
  let db: Db;
  // The gate as it runs without a proxy, and behind a trusted one.
  let direct: Server, proxied: Server;
  let directBase: string, proxiedBase: string;
  let bearer: string;

  const install = () => limits.install(limitSettings(Object.fromEntries(ROUTES.map((r) => [r.limit, LIMIT])), requireEnv('REDIS_URL')));
  const post = (base: string, path: string, body: string, forwardedFor: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor, authorization: `Bearer ${bearer}` },
      body,
    });

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    const reg = await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'Limitée', email: 'limits@chemins.test', consent: true }));
    bearer = reg.registration.joinToken;
    direct = serve(false);
    proxied = serve(true);
    directBase = await listen(direct);
    proxiedBase = await listen(proxied);
  });
  afterAll(async () => {
    await closeServer(direct);
    await closeServer(proxied);
    await db?.close();
  });

  it.each(ROUTES)('$path: a new X-Forwarded-For each time is still one bucket (the connection’s address)', async ({ path, body }) => {
    await install();
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await post(directBase, path, body, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(400), 429]);
    const refused = await post(directBase, path, body, '192.0.2.77');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  });

  it.each(ROUTES)('$path behind a trusted proxy (TRUST_PROXY=1): the last hop is the key, not what the client put before it', async ({ path, body }) => {
    await install();
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await post(proxiedBase, path, body, `198.51.100.${i + 1}, 203.0.113.5`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(400), 429]);
    // Another client of the proxy has its own count.
    expect((await post(proxiedBase, path, body, '198.51.100.1, 203.0.113.6')).status).toBe(400);
  });
});

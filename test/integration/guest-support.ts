import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { POST as guestRoute } from '@/app/api/guest/route';
import { createGuard } from '@/server/http/guard';
import { createRateLimiter, type RateLimiter, setRateLimiter } from '@/server/http/rate-limit';
import { attachRealtime, type Realtime } from '@/server/realtime';
import { limitSettings, listenLocally } from './factories';
import { type Client, client } from './realtime-support';

/**
 * One loopback server as production has it for guests: the request guard (trusting the proxy's
 * X-Forwarded-For), `POST /api/guest` handed to the route as Next would call it (a Web Request,
 * the guard's headers included), and the realtime server on the same port.
 */
export async function startGuestServer(
  guests: number,
): Promise<{ base: string; connect: (opts?: { cookie?: string; guest?: string }) => Promise<Client>; limit: (guests: number) => Promise<void>; close: () => Promise<void> }> {
  let base = '';
  const sockets: Client[] = [];
  let limiter = await guestLimiter(guests);
  async function nextStandIn(req: IncomingMessage, res: ServerResponse) {
    if (req.url?.split('?')[0] !== '/api/guest' || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const answer = await guestRoute(new Request(`${base}${req.url}`, { method: 'POST', headers, body: chunks.length ? Buffer.concat(chunks) : undefined }));
    const out: Record<string, string | string[]> = Object.fromEntries(answer.headers);
    out['set-cookie'] = answer.headers.getSetCookie();
    res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  }
  const guard = createGuard({ publicOrigin: 'http://chemins.test', trustProxy: true });
  const http: Server = createServer((req, res) => {
    void guard(req, res).then((answered) => (answered ? undefined : nextStandIn(req, res)));
  });
  const rt: Realtime = await attachRealtime(http, {});
  base = await listenLocally(http);
  return {
    base,
    /** A Socket.IO client to this server, disconnected by `close`. */
    connect: async (opts = {}) => {
      const s = await client(base, opts);
      sockets.push(s);
      return s;
    },
    /** A new limit of new guest identities per address (a fresh count). */
    limit: async (n) => {
      await limiter.close();
      limiter = await guestLimiter(n);
    },
    close: async () => {
      for (const s of sockets) s.disconnect();
      await rt.close();
      setRateLimiter(undefined);
      await limiter.close();
      await new Promise((r) => http.close(r));
    },
  };
}

/** A fresh rate limiter (its own key prefix) allowing `guests` new guest identities per address, installed for the routes. */
async function guestLimiter(guests: number): Promise<RateLimiter> {
  const limiter = await createRateLimiter(limitSettings({ guests }));
  setRateLimiter(limiter);
  return limiter;
}

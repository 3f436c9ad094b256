import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import type { Presence } from '@/lib/realtime/protocol';
import type { Realtime } from '@/server/realtime';
import { type Client, client, send, startRealtime as startServer } from './realtime-support';
import { demoLive, seedUser } from './factories';
import { requireEnv, useFreshDatabase } from './support';

function nextPresence(socket: Client, count: number): Promise<Presence> {
  return new Promise((resolve) => {
    const on = (p: Presence) => {
      if (p.count === count) {
        socket.off('presence:updated', on);
        resolve(p);
      }
    };
    socket.on('presence:updated', on);
  });
}

describe('realtime wiring (Socket.IO on real Postgres and Redis)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let liveId: string;
  const servers: { http: Server; rt: Realtime }[] = [];
  const sockets: Client[] = [];
  const cookie = 'next-auth.session-token=rt-session';

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    ({ liveId } = await demoLive());
    await seedUser(db.handle.db, { email: 'rt@chemins.test', name: 'Réal Temps', token: 'rt-session' });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const s of servers) await s.rt.close();
    await db?.close();
  });

  async function server(redisUrl?: string) {
    const s = await startServer(redisUrl);
    servers.push(s);
    return s.url;
  }
  async function open(url: string, opts?: { cookie?: string; token?: string }) {
    const s = await client(url, opts);
    sockets.push(s);
    return s;
  }

  it('answers an authenticated ping and refuses a guest one', async () => {
    const url = await server();
    const signedIn = await open(url, { cookie });
    const pong = await send<{ sentAt: number; user: { name: string } }>(signedIn, 'ping', { sentAt: 42 });
    expect(pong).toMatchObject({ ok: true, data: { sentAt: 42, user: { name: 'Réal Temps', kind: 'user' } } });
    const guest = await open(url);
    expect(await send(guest, 'ping', { sentAt: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const badToken = await open(url, { token: 'not-a-join-token' });
    expect(await send(badToken, 'ping', { sentAt: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses bad payloads and unknown sessions in the ack, and keeps the connection', async () => {
    const url = await server();
    const s = await open(url, { cookie });
    expect(await send(s, 'session:join', { sessionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(s, 'session:join', null)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(s, 'session:join', { sessionId: liveId, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(s, 'session:join', { sessionId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    (s.emit as unknown as (event: string) => void)('session:join'); // no payload, no ack: ignored
    expect(s.connected).toBe(true);
    expect(await send(s, 'ping', { sentAt: 7 })).toMatchObject({ ok: true });
  });

  it('counts people present in a session, not tabs, and updates on leave and disconnect', async () => {
    const url = await server();
    const a = await open(url, { cookie });
    const joinA = await send<{ presence: Presence; you: { role: string } }>(a, 'session:join', { sessionId: liveId });
    expect(joinA).toMatchObject({ ok: true, data: { presence: { count: 1 }, you: { role: 'participant' } } });
    const b = await open(url);
    const seen2 = nextPresence(a, 2);
    expect(await send(b, 'session:join', { sessionId: liveId })).toMatchObject({ ok: true, data: { presence: { count: 2 }, you: { role: 'guest' } } });
    await seen2;
    // The same signed-in person in a second tab does not count twice.
    const a2 = await open(url, { cookie });
    expect(await send(a2, 'session:join', { sessionId: liveId })).toMatchObject({ ok: true, data: { presence: { count: 2 } } });
    const seen1 = nextPresence(a, 1);
    b.disconnect();
    await seen1;
    expect(await send(a2, 'session:leave', { sessionId: liveId })).toMatchObject({ ok: true });
    for (const s of [a, a2]) s.disconnect();
  });

  it('shares rooms between two processes through the Redis streams adapter', async () => {
    const redisUrl = requireEnv('REDIS_URL');
    const urlA = await server(redisUrl);
    const urlB = await server(redisUrl);
    const onA = await open(urlA, { cookie });
    const onB = await open(urlB);
    expect(await send(onA, 'session:join', { sessionId: liveId })).toMatchObject({ ok: true });
    const seen = nextPresence(onA, 2);
    // B's own ack counts at least B; the cluster-wide count follows within 250 ms on both sides.
    const seenOnB = nextPresence(onB, 2);
    expect(await send(onB, 'session:join', { sessionId: liveId })).toMatchObject({ ok: true });
    expect((await seen).count).toBe(2);
    expect((await seenOnB).count).toBe(2);
  });
});

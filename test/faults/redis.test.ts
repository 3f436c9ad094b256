import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import type { ChatMessage, JoinData } from '@/lib/realtime/protocol';
import { createRateLimiter } from '@/server/http/rate-limit';
import { type Db, demoLive, realtimeScenario, registrant } from '../integration/factories';
import { type Client, collect, ok } from '../integration/realtime-support';
import { type OwnRedis, reportFigures, startRedis, waitFor } from './services';

// Redis stops for 10 s under an audience on two processes (issue 33, "Faults"; docs/architecture.md):
// each process keeps serving its own clients, nothing acknowledged is lost, cross-process delivery
// resumes by itself, the clients of each process read again what they missed (`session:resync`),
// and rate limits fall back to memory (still limited, still served). CI runs a scaled-down audience
// (CHAOS_CLIENTS, default 100; bench/chaos runs 2,000).
const OUTAGE_MS = 10_000;
const AUDIENCE = Number(process.env.CHAOS_CLIENTS ?? 100);

describe('Redis stops for 10 s', () => {
  const scene = realtimeScenario();
  let redis: OwnRedis, db: Db, liveId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    redis = await startRedis();
    db = await scene.database();
    await seed(db.handle.db);
    ({ liveId } = await demoLive());
    for (const name of ['Ana', 'Ben', 'Cléo']) tokens[name] = (await registrant(name, { email: `${name.toLowerCase()}-redis-fault@chemins.test` })).token;
  });
  afterAll(async () => {
    await scene.close();
    await redis?.destroy();
  });

  it('keeps both processes serving their own clients, loses nothing acknowledged, resumes and resyncs when it returns', async () => {
    const a = await scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: redis.url });
    const b = await scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: redis.url });
    const join = async (url: string, token?: string) => (await scene.joined(liveId, token ? { token } : {}, url)).s;
    const ana = await join(a.url, tokens.Ana);
    const ben = await join(b.url, tokens.Ben);
    const cleo = await join(a.url, tokens.Cléo);
    const audience: { s: Client; side: 'a' | 'b'; seen: ChatMessage[]; resyncs: unknown[] }[] = [];
    for (let i = 0; i < AUDIENCE; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, AUDIENCE - i) }, async (_, j) => {
          const side = (i + j) % 2 ? 'b' : 'a';
          const s = await join(side === 'a' ? a.url : b.url);
          return { s, side, seen: collect<ChatMessage>(s, 'chat:message'), resyncs: collect<unknown>(s, 'session:resync') } as const;
        }),
      );
      audience.push(...batch);
    }
    const sideA = audience.filter((c) => c.side === 'a');
    const sideB = audience.filter((c) => c.side === 'b');
    const everyoneSees = (who: typeof audience, id: string) => who.every((c) => c.seen.some((m) => m.id === id));
    const acked: string[] = [];
    const say = async (s: Client, body: string) => {
      const m = await ok<ChatMessage>(s, 'chat:send', { sessionId: liveId, body });
      acked.push(m.id);
      return m.id;
    };

    // Up: a message of A reaches the clients of both processes.
    const first = await say(ana, 'avant la coupure');
    await waitFor(() => everyoneSees(audience, first), 15_000, 'first message everywhere');

    let figures: Record<string, number | string> = {};
    const limiter = await createRateLimiter({ windowSeconds: 60, points: { writes: 5 }, redisUrl: redis.url, prefix: `chaos:${Date.now()}` });
    try {
      await redis.stop();
      const downSince = performance.now();
      const during: { a: string[]; b: string[] } = { a: [], b: [] };
      let slowestLocal = 0;
      // The outage's pace: one message per writer every 2.5 s, under the chat limit (LIMITS.rateCount
      // per LIMITS.rateWindowMs); this timer is the scenario's clock, never a wait for a result.
      for (let round = 0; performance.now() - downSince < OUTAGE_MS; round++) {
        const next = downSince + round * 2_500;
        if (performance.now() < next) await new Promise((r) => setTimeout(r, next - performance.now()));
        // Each process serves its own clients at once (not after Redis returns).
        const fromA = await say(ana, `coupure A ${round}`);
        const fromB = await say(ben, `coupure B ${round}`);
        during.a.push(fromA);
        during.b.push(fromB);
        const sent = performance.now();
        await waitFor(() => everyoneSees(sideA, fromA) && everyoneSees(sideB, fromB), 3_000, 'local delivery while Redis is down');
        slowestLocal = Math.max(slowestLocal, performance.now() - sent);
      }
      const downFor = performance.now() - downSince;

      // Rate limits while Redis is down: counted in memory, a flood still limited, others still served.
      const flood = [];
      for (let i = 0; i < 12; i++) flood.push(await limiter.hit('writes', 'flooder'));
      expect(flood.slice(0, 5)).toEqual([null, null, null, null, null]);
      expect(flood.slice(5).every((wait) => typeof wait === 'number' && wait > 0)).toBe(true);
      expect(await limiter.hit('writes', 'someone-else')).toBeNull();

      await redis.start();
      const upAt = performance.now();
      // Cross-process delivery resumes by itself (the adapter's clients reconnect).
      await waitFor(
        async () => {
          const id = await say(cleo, 'après la coupure');
          await waitFor(() => everyoneSees(sideB, id), 1_500, 'cross-process delivery').catch(() => {});
          return everyoneSees(audience, id);
        },
        30_000,
        'cross-process delivery after Redis returns',
      );
      const resumedAfter = performance.now() - upAt;
      // Every client was told to read again what it missed.
      await waitFor(() => audience.every((c) => c.resyncs.length > 0), 15_000, 'session:resync to every client');
      figures = { clients: AUDIENCE, outageMs: Math.round(downFor), slowestLocalDeliveryMs: Math.round(slowestLocal), crossProcessResumedAfterMs: Math.round(resumedAfter), flood: '5 allowed, 7 limited' };
      // A client of B reads, through session:join (Postgres), what A acknowledged during the outage.
      const state = await ok<JoinData>(sideB[0]!.s, 'session:join', { sessionId: liveId });
      for (const id of [...during.a, ...during.b]) expect(state.messages.map((m) => m.id)).toContain(id);
    } finally {
      await limiter.close();
    }
    // Nothing acknowledged is lost.
    const all = await ok<JoinData>(ben, 'session:join', { sessionId: liveId });
    const stored = new Set(all.messages.map((m) => m.id));
    const lost = acked.filter((id) => !stored.has(id));
    reportFigures('redis stopped', { ...figures, acknowledged: acked.length, lost: lost.length });
    expect(lost).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollResults } from '@/db/queries/polls';
import { pollAnswers, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Ack, JoinData, Poll } from '@/lib/realtime/protocol';
import { type Db, demoLive, realtimeScenario, seedUser } from '../integration/factories';
import { type Client, ok, send } from '../integration/realtime-support';
import { type OwnRedis, reportFigures, startRedis, tcpBalancer, waitFor } from './services';

// A process is killed (`kill -9`) on a two-process deployment during a poll (issue 33, "Faults";
// docs/architecture.md): every acknowledged answer is counted once, and the clients move to the
// other process. They are given one address, a TCP balancer's (test/faults/services.ts), as in
// production behind a load balancer: socket.io-client reconnects to the same URL, and the balancer
// sends the new connection to the process still alive. (A client given both URLs would need code of
// its own in every browser to switch; the balancer keeps the browser as it is.)
const VOTERS = Number(process.env.CHAOS_VOTERS ?? 40);

describe('a realtime process is killed during a poll', () => {
  const scene = realtimeScenario();
  let redis: OwnRedis, db: Db, liveId: string, modCookie: string;
  // The voters' personal-link tokens and their keys in the poll's answers, in the same order.
  let tokens: string[], keys: string[];
  let balancer: Awaited<ReturnType<typeof tcpBalancer>> | undefined;

  beforeAll(async () => {
    redis = await startRedis();
    db = await scene.database();
    await seed(db.handle.db);
    const live = await demoLive();
    liveId = live.liveId;
    modCookie = (await seedUser(db.handle.db, { email: 'mod-kill@chemins.test', name: 'Modé', role: 'moderator', eventId: live.eventId, token: 'st-mod-kill' })).cookie;
    const rows = await db.handle.db
      .insert(registrations)
      .values(Array.from({ length: VOTERS }, (_, i) => ({ eventId: live.eventId, name: `Votant ${i}`, email: `votant-kill-${i}@chemins.test`, consentAt: new Date() })))
      .returning({ id: registrations.id, token: registrations.joinToken });
    tokens = rows.map((r) => r.token);
    keys = rows.map((r) => `registration:${r.id}`);
  });
  afterAll(async () => {
    await balancer?.close();
    await scene.close();
    await redis?.destroy();
  });

  it('counts every acknowledged answer once, and the clients of the killed process go on with the other', async () => {
    const a = await scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: redis.url });
    const b = await scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: redis.url });
    balancer = await tcpBalancer([a.port, b.port]);
    const url = balancer.url;
    const mod = (await scene.joined(liveId, { cookie: modCookie }, url)).s;
    const draft = await ok<Poll>(mod, 'poll:create', { sessionId: liveId, kind: 'single', question: 'Encore là ?', options: ['Oui', 'Non'] });
    const poll = await ok<Poll>(mod, 'poll:launch', { pollId: draft.id });
    const voters: Client[] = [];
    for (let i = 0; i < VOTERS; i += 10) voters.push(...(await Promise.all(tokens.slice(i, i + 10).map(async (token) => (await scene.joined(liveId, { token }, url)).s))));

    const acked = new Set<number>();
    const answer = async (i: number): Promise<Ack<unknown>> => {
      const res = await send(voters[i]!, 'poll:answer', { pollId: poll.id, answer: [i % 2] }, 5_000).catch(() => null);
      if (res?.ok) acked.add(i);
      return res ?? { ok: false, error: { code: 'internal', message: 'no ack' } };
    };
    // Half answer; then the other half answer while process A is killed.
    const half = Math.floor(VOTERS / 2);
    for (const r of await Promise.all(Array.from({ length: half }, (_, i) => answer(i)))) expect(r.ok).toBe(true);
    const second = Promise.all(Array.from({ length: VOTERS - half }, (_, i) => answer(half + i)));
    a.child.kill('SIGKILL');
    await a.exited;
    const killedAt = performance.now();
    const unanswered = (await second).flatMap((r, i) => (r.ok ? [] : [half + i]));

    // Every client is connected again (to B, through the balancer), joins again and, if its answer
    // was not acknowledged, answers again: stored before the kill, it is refused as already given.
    await waitFor(() => voters.every((s) => s.connected), 20_000, 'every voter reconnected');
    const movedAfter = performance.now() - killedAt;
    for (const s of voters) expect(s.recovered).toBe(false);
    for (const i of unanswered) {
      await ok<JoinData>(voters[i]!, 'session:join', { sessionId: liveId });
      const again = await answer(i);
      if (!again.ok) expect(again.error.code).toBe('conflict');
    }

    const rows = await db.handle.db.select({ key: pollAnswers.actorKey }).from(pollAnswers).where(eq(pollAnswers.pollId, poll.id));
    const stored = rows.map((r) => r.key);
    const results = await pollResults(poll);
    const lostAcked = [...acked].filter((i) => stored.filter((k) => k === keys[i]).length !== 1);
    reportFigures('process killed', { voters: VOTERS, acknowledged: acked.size, unacknowledgedAtKill: unanswered.length, movedAfterMs: Math.round(movedAfter), stored: stored.length, counted: results.total, lost: lostAcked.length });
    expect(lostAcked).toEqual([]);
    expect(stored.length).toBe(VOTERS);
    expect(new Set(stored).size).toBe(VOTERS);
    expect(results.total).toBe(VOTERS);
  });
});

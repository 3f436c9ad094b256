import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import type { ChatMessage, JoinData, Question, QuestionEvent } from '@/lib/realtime/protocol';
import { type Db, demoLive, realtimeScenario, registrant } from './factories';
import { collect, nextEvent, ok, until } from './realtime-support';
import { requireEnv } from './support';

describe('realtime across processes, disconnections and restarts', () => {
  const scene = realtimeScenario();
  let db: Db;
  let liveId: string;
  const people: Record<string, string> = {};

  const server = (opts: { redis?: boolean; port?: number } = {}) =>
    scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: opts.redis ? requireEnv('REDIS_URL') : undefined, PORT: opts.port });
  const joined = (url: string, who: string, reconnection = true) => scene.joined(liveId, { token: people[who], reconnection }, url);

  beforeAll(async () => {
    db = await scene.database();
    await seed(db.handle.db);
    ({ liveId } = await demoLive());
    for (const name of ['Ana', 'Ben', 'Chloé', 'Dan', 'Eve']) {
      people[name] = (await registrant(name, { email: `${name.toLowerCase()}-cluster@chemins.test` })).token;
    }
  });

  it('delivers a question asked on process A to a client on process B (Redis streams adapter)', async () => {
    const a = await server({ redis: true });
    const b = await server({ redis: true });
    const ana = await joined(a.url, 'Ana');
    const ben = await joined(b.url, 'Ben');
    const seen = nextEvent<QuestionEvent>(ben.s, 'question:created', (q) => q.body === 'Question venue du processus A');
    const asked = await ok<Question>(ana.s, 'question:ask', { sessionId: liveId, body: 'Question venue du processus A' });
    expect((await seen).id).toBe(asked.id);
    // And back: a vote on B updates the count on A.
    const counted = nextEvent<QuestionEvent>(ana.s, 'question:updated', (q) => q.id === asked.id && q.votes === 1);
    await ok(ben.s, 'question:vote', { questionId: asked.id, vote: true });
    await counted;
  });

  it('replays every event a client missed while disconnected during a burst (connection state recovery)', async () => {
    const a = await server({ redis: true });
    const b = await server({ redis: true });
    const dan = await joined(a.url, 'Dan');
    const chloe = await joined(b.url, 'Chloé', false);
    const received = collect<ChatMessage>(chloe.s, 'chat:message');
    // Recovery resumes from the last broadcast the client saw.
    const ana = await joined(a.url, 'Ana');
    const first = await ok<ChatMessage>(ana.s, 'chat:send', { sessionId: liveId, body: 'avant la coupure' });
    await until(() => received.some((m) => m.id === first.id), 10_000, 'first message');
    const dropped = new Promise((resolve) => chloe.s.once('disconnect', resolve));
    (chloe.s.io as unknown as { engine: { close: () => void } }).engine.close();
    await dropped;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await ok<ChatMessage>(dan.s, 'chat:send', { sessionId: liveId, body: `rafale ${i}` })).id);
    const back = new Promise<void>((resolve) => chloe.s.once('connect', () => resolve()));
    chloe.s.connect();
    await back;
    expect(chloe.s.recovered).toBe(true);
    await until(() => sent.every((id) => received.some((m) => m.id === id)), 10_000, 'missed messages');
    expect(received.filter((m) => sent.includes(m.id)).map((m) => m.body)).toEqual(['rafale 0', 'rafale 1', 'rafale 2', 'rafale 3', 'rafale 4']);
  });

  it('loses nothing acknowledged when the server process is killed and restarted mid-session', async () => {
    const first = await server();
    const ana = await joined(first.url, 'Eve');
    const ben = await joined(first.url, 'Ben');
    const acked: { questions: string[]; messages: string[] } = { questions: [], messages: [] };
    for (let i = 0; i < 3; i++) {
      acked.questions.push((await ok<Question>(ana.s, 'question:ask', { sessionId: liveId, body: `avant la panne ${i}` })).id);
      acked.messages.push((await ok<ChatMessage>(ben.s, 'chat:send', { sessionId: liveId, body: `message ${i}` })).id);
    }
    await ok(ben.s, 'question:vote', { questionId: acked.questions[0], vote: true });
    const down = new Promise((resolve) => ana.s.once('disconnect', resolve));
    first.child.kill('SIGKILL');
    await first.exited;
    await down;
    // Same port: clients reconnect on their own, then resync with session:join.
    const second = await server({ port: first.port });
    await until(() => ana.s.connected && ben.s.connected, 15_000, 'reconnection');
    expect(ana.s.recovered).toBe(false);
    const state = await ok<JoinData>(ben.s, 'session:join', { sessionId: liveId });
    expect(second.port).toBe(first.port);
    for (const id of acked.questions) expect(state.questions.map((q) => q.id)).toContain(id);
    for (const id of acked.messages) expect(state.messages.map((m) => m.id)).toContain(id);
    expect(state.questions.find((q) => q.id === acked.questions[0])).toMatchObject({ votes: 1, votedByMe: true });
  });
});

import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as cancelRoute } from '@/app/api/registrations/[token]/cancel/route';
import { pollResults } from '@/db/queries/polls';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import type { Ack, ChatMessage, JoinData, Poll, Question } from '@/lib/realtime/protocol';
import { closeServer, type Db, demoLive, realtimeScenario, registrant, registrationsServer, seedUser } from '../integration/factories';
import { type Client, ok, send } from '../integration/realtime-support';
import { type OwnPostgres, reportFigures, startPostgres, waitFor } from './services';

// Postgres stops for 5 s (issue 33, "Faults"; docs/architecture.md): every ask made meanwhile, HTTP
// or realtime, gets a clear refusal (`503 unavailable`, a failed ack `unavailable`) within 5 s
// instead of no answer; nothing acknowledged is lost; service resumes when Postgres returns.
const OUTAGE_MS = 5_000;
const ANSWER_WITHIN_MS = 5_000;

describe('Postgres stops for 5 s', () => {
  const scene = realtimeScenario();
  // The suite's own Postgres, the database made there, the registrations server on it.
  let pg: OwnPostgres, db: Db, http: Server, base: string;
  // The live session, its people's personal-link tokens by name, a moderator's cookie.
  let liveId: string, tokens: Record<string, string>, modCookie: string;
  const sharedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    pg = await startPostgres();
    // The suite's own Postgres: useFreshDatabase makes its database there, not on the shared one.
    process.env.DATABASE_URL = pg.url;
    db = await scene.database();
    await seed(db.handle.db);
    const live = await demoLive();
    liveId = live.liveId;
    tokens = {};
    for (const name of ['Ana', 'Ben', 'Cléo']) tokens[name] = (await registrant(name, { email: `${name.toLowerCase()}-pg-fault@chemins.test` })).token;
    modCookie = (await seedUser(db.handle.db, { email: 'mod-pg-fault@chemins.test', name: 'Modé', role: 'moderator', eventId: live.eventId, token: 'st-mod-pg-fault' })).cookie;
    ({ server: http, base } = await registrationsServer());
  });
  afterAll(async () => {
    if (http) await closeServer(http);
    await scene.close();
    await pg?.destroy();
    process.env.DATABASE_URL = sharedUrl;
  });

  /** Time an ask: its answer must come within 5 s. */
  async function timed<T>(ask: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const t0 = performance.now();
    const value = await ask();
    return { value, ms: performance.now() - t0 };
  }
  const register = (email: string) =>
    fetch(`${base}/api/events/${DEMO_EVENT_SLUG}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Pendant la panne', email, sessionIds: [], consent: true, answers: {} }),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
  const cancel = (token: string) =>
    cancelRoute(new Request(`${base}/api/registrations/${token}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), {
      params: Promise.resolve({ token }),
    });

  it('refuses every ask with `unavailable` within 5 s while it is down, loses nothing acknowledged, and serves again when it returns', async () => {
    const proc = await scene.spawn({ DATABASE_URL: db.url! });
    const join = async (opts: { token?: string; cookie?: string }) => (await scene.joined(liveId, opts, proc.url)).s;
    const ana = await join({ token: tokens.Ana });
    const ben = await join({ token: tokens.Ben });
    const mod = await join({ cookie: modCookie });
    const draft = await ok<Poll>(mod, 'poll:create', { sessionId: liveId, kind: 'single', question: 'Panne ?', options: ['Oui', 'Non'] });
    const poll = await ok<Poll>(mod, 'poll:launch', { pollId: draft.id });

    // Acknowledged before the outage.
    const acked = {
      messages: [(await ok<ChatMessage>(ana, 'chat:send', { sessionId: liveId, body: 'avant la panne' })).id],
      questions: [(await ok<Question>(ana, 'question:ask', { sessionId: liveId, body: 'Question avant la panne ?' })).id],
    };
    await ok(ana, 'poll:answer', { pollId: poll.id, answer: [0] });
    const before = await register('avant-panne@chemins.test');
    expect(before.status).toBe(201);

    await pg.stop();
    const downSince = performance.now();
    const refusals: { what: string; ms: number }[] = [];
    const expectRefused = async (what: string, socket: Client, event: string, payload: unknown) => {
      const { value, ms } = await timed(() => send(socket, event, payload, ANSWER_WITHIN_MS));
      expect(value, what).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      refusals.push({ what, ms });
    };
    // Asks keep coming for the whole outage (no sleep: the outage lasts as long as they do, at least 5 s).
    let round = 0;
    do {
      await expectRefused('chat:send', ben, 'chat:send', { sessionId: liveId, body: `pendant la panne ${round}` });
      await expectRefused('question:ask', ben, 'question:ask', { sessionId: liveId, body: `Question pendant la panne ${round} ?` });
      await expectRefused('poll:answer', ben, 'poll:answer', { pollId: poll.id, answer: [1] });
      const reg = await timed(() => register(`pendant-${round}@chemins.test`));
      expect(reg.value.status).toBe(503);
      expect(await reg.value.json()).toMatchObject({ error: { code: 'unavailable', message: expect.any(String) } });
      refusals.push({ what: 'POST registrations', ms: reg.ms });
      const cancelled = await timed(() => cancel(tokens.Cléo!));
      expect(cancelled.value.status).toBe(503);
      expect(await cancelled.value.json()).toMatchObject({ error: { code: 'unavailable' } });
      refusals.push({ what: 'POST cancel (endpoint)', ms: cancelled.ms });
      round++;
    } while (performance.now() - downSince < OUTAGE_MS);
    for (const r of refusals) expect(r.ms, r.what).toBeLessThan(ANSWER_WITHIN_MS);

    const downFor = performance.now() - downSince;
    await pg.start();
    const upAt = performance.now();
    // Service resumes by itself: the pools reconnect on the next ask.
    let resumed: Ack<ChatMessage> | undefined;
    await waitFor(async () => (resumed = await send<ChatMessage>(ben, 'chat:send', { sessionId: liveId, body: 'après la panne' })).ok, 15_000, 'chat:send after Postgres returns');
    const resumedAfter = performance.now() - upAt;
    if (resumed?.ok) acked.messages.push(resumed.data.id);
    await ok(ben, 'poll:answer', { pollId: poll.id, answer: [1] });
    expect((await register('apres-panne@chemins.test')).status).toBe(201);

    // Nothing acknowledged is lost, nothing refused was half-written.
    const state = await ok<JoinData>(ana, 'session:join', { sessionId: liveId });
    for (const id of acked.messages) expect(state.messages.map((m) => m.id)).toContain(id);
    for (const id of acked.questions) expect(state.questions.map((q) => q.id)).toContain(id);
    const lost = [...acked.messages.filter((id) => !state.messages.some((m) => m.id === id)), ...acked.questions.filter((id) => !state.questions.some((q) => q.id === id))];
    reportFigures('postgres stopped', {
      outageMs: Math.round(downFor),
      refusals: refusals.length,
      slowestRefusalMs: Math.round(Math.max(...refusals.map((r) => r.ms))),
      resumedAfterMs: Math.round(resumedAfter),
      acknowledged: acked.messages.length + acked.questions.length + 2,
      lost: lost.length,
    });
    expect(lost).toEqual([]);
    expect(state.messages.filter((m) => m.body.startsWith('pendant la panne'))).toEqual([]);
    expect(await pollResults(poll)).toMatchObject({ total: 2, counts: [1, 1] });
  });
});

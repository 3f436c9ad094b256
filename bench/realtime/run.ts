// bench/realtime: N socket.io-client connections in one session; some of them chat, ask and vote;
// every broadcast carries its send time, so each client measures delivery latency. The same
// workload runs against Chemins' realtime server (auth, validation, Postgres before every ack,
// per-viewer fan-out) and against a bare Socket.IO server (bench/realtime/bare-server.ts) as the
// baseline, first on one process, then (with REDIS_URL) on two processes sharing rooms through
// the Redis streams adapter. Prints p50/p99 delivery latency, deliveries and clients held.
//
// BENCH_SCENARIO=poll: a moderator launches a poll with its results shown, then every client
// answers once, spread over BENCH_SECONDS (10); each client notes when it holds the final counts
// (every answer in); prints, from the last answer sent to the final results on every client,
// p50/p99/max, how many clients ended with exact counts, and how many updates each received —
// beside the bare server doing the same throttled broadcasts from counts kept in memory.
//
//   DATABASE_URL=postgres://… [REDIS_URL=redis://…] [BENCH_SCENARIO=poll] npx tsx bench/realtime/run.ts
//   (BENCH_CLIENTS=2000, BENCH_SECONDS=15 (poll: 10), BENCH_RATE=10 broadcasts/s)
import { execFileSync } from 'node:child_process';
import { io as connect, type Socket } from 'socket.io-client';
import { liveBenchSession, type Proc, seededBenchDatabase, startListening } from '../support';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a Postgres server; npm run test:all starts one).');
const N = Number(process.env.BENCH_CLIENTS ?? 2000);
const SCENARIO = process.env.BENCH_SCENARIO === 'poll' ? 'poll' : 'chat';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SCENARIO === 'poll' ? 10 : 15));
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SENDERS = 60;

const start = startListening;

const rssMb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

type Result = { name: string; held: number; broadcasts: number; expected: number; delivered: number; p50: number; p99: number; max: number; rss: number };

/** Connect and join N clients in batches of 100 (personal-link tokens, none for the bare server). */
async function connectAll(procs: Proc[], sessionId: string, tokens: string[], bare: boolean, listen: (socket: Socket) => void): Promise<Socket[]> {
  const clients: Socket[] = [];
  for (let i = 0; i < N; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, N - i) }, async (_, k) => {
        const idx = i + k;
        const socket = connect(procs[idx % procs.length]!.url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          auth: bare ? {} : { token: tokens[idx] },
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const res = await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
        if (!res.ok) throw new Error(`join refused: ${JSON.stringify(res.error)}`);
        listen(socket);
        clients.push(socket);
      }),
    );
  }
  return clients;
}

async function phase(name: string, procs: Proc[], sessionId: string, tokens: string[], bare: boolean): Promise<Result> {
  const latencies: number[] = [];
  let delivered = 0;
  const onTimed = (p: { body?: string }) => {
    const m = /t=(\d+(?:\.\d+)?)/.exec(p.body ?? '');
    if (m) {
      latencies.push(performance.timeOrigin + performance.now() - Number(m[1]));
      delivered++;
    }
  };
  const clients = await connectAll(procs, sessionId, tokens, bare, (socket) => {
    socket.on('chat:message', onTimed);
    socket.on('question:created', onTimed);
    socket.on('question:updated', () => {});
  });
  const held = clients.filter((c) => c.connected).length;
  // Let the join storm settle (presence updates, GC) before measuring the steady state.
  await new Promise((r) => setTimeout(r, 3000));

  // Workload: chat (60 %), questions (20 %), votes (20 %), spread over senders so that nobody
  // reaches the per-person rate limit.
  const questionIds: string[] = [];
  let broadcasts = 0;
  let timed = 0;
  let refusals = 0;
  const t0 = Date.now();
  let tick = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() - t0 >= SECONDS * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      const sender = clients[tick % SENDERS]!;
      const kind = tick % 5;
      tick++;
      const body = `bench t=${performance.timeOrigin + performance.now()}`;
      const done = (res: { ok: boolean; data?: { id: string } }) => {
        if (!res.ok) refusals++;
      };
      if (kind < 3) {
        broadcasts++;
        timed++;
        sender.emit('chat:send', { sessionId, body }, done);
      } else if (kind === 3 || questionIds.length === 0) {
        broadcasts++;
        timed++;
        sender.emit('question:ask', { sessionId, body }, (res: { ok: boolean; data?: { id: string } }) => {
          done(res);
          if (res.ok && res.data) questionIds.push(res.data.id);
        });
      } else {
        broadcasts++;
        // A different voter each time (clients beyond the senders), on a recent question.
        const voter = clients[SENDERS + (tick % (clients.length - SENDERS))]!;
        const questionId = questionIds[questionIds.length - 1]!;
        voter.emit('question:vote', bare ? { questionId, sessionId, vote: true } : { questionId, vote: true }, done);
      }
    }, 1000 / RATE);
  });
  const expected = timed * held;
  const settleEnd = Date.now() + 15_000;
  while (delivered < expected - refusals * held && Date.now() < settleEnd) await new Promise((r) => setTimeout(r, 50));
  const rss = procs.reduce((sum, p) => sum + rssMb(p.child.pid!), 0);
  for (const c of clients) c.disconnect();
  latencies.sort((a, b) => a - b);
  if (refusals) console.log(`  (${name}: ${refusals} commands refused)`);
  return { name, held, broadcasts, expected, delivered, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? NaN, rss };
}

type PollResult = { name: string; held: number; answered: number; exact: number; updates: number; p50: number; p99: number; max: number; rss: number };
type Results = { pollId: string; total: number; counts: number[]; version: number };
const OPTIONS = ['Atelier', 'Plénière', 'Balade', 'Repas'];

/** The poll scenario (see the header): every client answers once; time to the final counts everywhere. */
async function pollPhase(name: string, procs: Proc[], sessionId: string, tokens: string[], bare: boolean, modCookie: string): Promise<PollResult> {
  const expected = OPTIONS.map((_, o) => Array.from({ length: N }, (_, i) => i % OPTIONS.length).filter((x) => x === o).length);
  const isFinal = (r: Results) => r.total === N;
  const finalAt: number[] = [];
  const last = new Map<Socket, Results>();
  let updates = 0;
  let pollId = '';
  const clients = await connectAll(procs, sessionId, tokens, bare, (socket) => {
    socket.on('poll:results', (r: Results) => {
      if (r.pollId !== pollId) return;
      updates++;
      const prev = last.get(socket);
      if (prev && prev.version > r.version) return;
      last.set(socket, r);
      if (isFinal(r) && !(prev && isFinal(prev))) finalAt.push(performance.now());
    });
  });
  const held = clients.filter((c) => c.connected).length;
  const mod = connect(procs[0]!.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: modCookie } });
  await new Promise<void>((resolve) => mod.once('connect', () => resolve()));
  const must = async (event: string, payload: unknown) => {
    const res = await mod.timeout(30_000).emitWithAck(event, payload);
    if (!res.ok) throw new Error(`${event} refused: ${JSON.stringify(res.error)}`);
    return res.data;
  };
  await must('session:join', { sessionId });
  const poll = await must('poll:create', { sessionId, kind: 'single', question: 'Bench ?', options: OPTIONS });
  pollId = poll.id;
  await must('poll:launch', { pollId: poll.id });
  await must('poll:show', { pollId: poll.id, visible: true });
  await new Promise((r) => setTimeout(r, 3000));
  updates = 0;

  // Every client answers once, spread evenly over SECONDS.
  let lastSent = 0;
  let refused = 0;
  const acks: Promise<void>[] = [];
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let next = 0;
    const timer = setInterval(() => {
      const due = Math.min(N, Math.floor(((performance.now() - t0) / (SECONDS * 1000)) * N) + 1);
      for (; next < due; next++) {
        const c = clients[next]!;
        acks.push(
          c
            .timeout(60_000)
            .emitWithAck('poll:answer', { pollId: poll.id, answer: [next % OPTIONS.length] })
            .then((res: { ok: boolean }) => void (res.ok || refused++))
            .catch(() => void refused++),
        );
        lastSent = performance.now();
      }
      if (next >= N) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await Promise.all(acks);
  const end = performance.now() + 30_000;
  while (finalAt.length < held && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
  const rss = procs.reduce((sum, p) => sum + rssMb(p.child.pid!), 0);
  const exact = clients.filter((c) => JSON.stringify(last.get(c)?.counts) === JSON.stringify(expected)).length;
  for (const c of [...clients, mod]) c.disconnect();
  if (refused) console.log(`  (${name}: ${refused} answers refused)`);
  const lat = finalAt.map((t) => Math.max(0, t - lastSent)).sort((a, b) => a - b);
  // A client that never got the final counts counts as the slowest.
  const p99 = finalAt.length < held ? Infinity : pct(lat, 99);
  return { name, held, answered: N - refused, exact, updates: updates / Math.max(1, held), p50: pct(lat, 50), p99, max: lat.at(-1) ?? NaN, rss };
}

// ---------------------------------------------------------------- set-up: a fresh database
const { url: benchUrl, sql, drop } = await seededBenchDatabase(DATABASE_URL, 'rt');
const [event] = await sql<{ id: string }[]>`select id from events where slug = 'edition-demo'`;
const session = { id: await liveBenchSession(sql, 'bench-live') };
const tokens = (
  await sql<{ join_token: string }[]>`
    insert into registrations (event_id, name, email, join_token, consent_at)
    select ${event!.id}, 'Bench ' || g, 'bench-' || g || '@bench.test', md5(random()::text || g) || md5(g::text), now()
      from generate_series(1, ${N}) g
    returning join_token`
).map((r) => r.join_token);

const [modUser] = await sql<{ id: string }[]>`insert into users (id, email, name) values (gen_random_uuid()::text, 'bench-mod@bench.test', 'Bench Mod') returning id`;
await sql`insert into sessions (session_token, user_id, expires) values ('bench-mod-session', ${modUser!.id}, now() + interval '1 day')`;
await sql`insert into role_grants (user_id, role, event_id) values (${modUser!.id}, 'moderator', ${event!.id})`;
const modCookie = 'next-auth.session-token=bench-mod-session';

if (SCENARIO === 'poll') {
  const polls: PollResult[] = [];
  const procs: Proc[] = [];
  try {
    const phases = [
      { name: 'bare Socket.IO, 1 process (baseline)', script: 'bench/realtime/bare-server.ts', count: 1, bare: true },
      { name: 'Chemins, 1 process', script: 'server/realtime/process.ts', count: 1, bare: false },
      ...(process.env.REDIS_URL ? [{ name: 'Chemins, 2 processes + Redis', script: 'server/realtime/process.ts', count: 2, bare: false }] : []),
    ];
    for (const p of phases) {
      const started: Proc[] = [];
      for (let i = 0; i < p.count; i++) started.push(await start(p.script, { DATABASE_URL: benchUrl, REDIS_URL: p.count > 1 ? process.env.REDIS_URL! : '' }));
      procs.push(...started);
      polls.push(await pollPhase(p.name, started, session.id, tokens, p.bare, modCookie));
      for (const s of started) s.child.kill('SIGTERM');
      const r = polls.at(-1)!;
      console.log(`${r.name}: ${r.exact}/${r.held} exact, p99 ${r.p99.toFixed(1)} ms`);
    }
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await drop();
  }
  console.log(`\nbench/realtime poll — ${N} clients answer once within ${SECONDS} s; results shown to all, at most one update per 250 ms\n`);
  console.log('| run | clients held | answers stored | clients with exact final counts | updates per client | last answer → final counts on every client: p50 ms | p99 ms | max ms | server RSS MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of polls) {
    console.log(`| ${r.name} | ${r.held} | ${r.answered} | ${r.exact} | ${r.updates.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.rss.toFixed(0)} |`);
  }
  console.log(`\ntarget: p99 < 500 ms and every client's final counts exact`);
  process.exit(0);
}

const results: Result[] = [];
const procs: Proc[] = [];
try {
  const phases: { name: string; script: string; count: number; redis: boolean; bare: boolean }[] = [
    { name: 'bare Socket.IO, 1 process (baseline)', script: 'bench/realtime/bare-server.ts', count: 1, redis: false, bare: true },
    { name: 'Chemins, 1 process', script: 'server/realtime/process.ts', count: 1, redis: false, bare: false },
  ];
  if (process.env.REDIS_URL) {
    phases.push(
      { name: 'bare Socket.IO, 2 processes + Redis (baseline)', script: 'bench/realtime/bare-server.ts', count: 2, redis: true, bare: true },
      { name: 'Chemins, 2 processes + Redis', script: 'server/realtime/process.ts', count: 2, redis: true, bare: false },
    );
  }
  for (const p of phases) {
    await sql`delete from chat_messages where session_id = ${session.id}`;
    await sql`delete from questions where session_id = ${session.id}`;
    const started: Proc[] = [];
    for (let i = 0; i < p.count; i++) {
      started.push(await start(p.script, { DATABASE_URL: benchUrl, REDIS_URL: p.redis ? process.env.REDIS_URL! : '' }));
    }
    procs.push(...started);
    results.push(await phase(p.name, started, session.id, tokens, p.bare));
    for (const s of started) s.child.kill('SIGTERM');
    const r = results.at(-1)!;
    console.log(`${r.name}: ${r.held}/${N} clients held, p99 ${r.p99.toFixed(1)} ms`);
  }
} finally {
  for (const p of procs) p.child.kill('SIGTERM');
  await drop();
}

console.log(`\nbench/realtime — ${N} clients in one session, ${RATE} broadcasts/s for ${SECONDS} s (60 % chat, 20 % questions, 20 % votes)\n`);
console.log('| run | clients held | broadcasts | deliveries (timed) | p50 ms | p99 ms | max ms | server RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.held} | ${r.broadcasts} | ${r.delivered}/${r.expected} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.rss.toFixed(0)} |`);
}
const ratio = (app: Result | undefined, base: Result | undefined) => (app && base ? (app.p99 / base.p99).toFixed(2) : 'n/a');
console.log(`\np99 ratio Chemins / bare, 1 process: ${ratio(results[1], results[0])}× (target ≤ 2×, p99 < 250 ms, 2000 clients)`);
if (results.length > 2) console.log(`p99 ratio Chemins / bare, 2 processes + Redis: ${ratio(results[3], results[2])}×`);
process.exit(0);

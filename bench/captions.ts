// bench/captions: caption latency, a typed line → shown on N clients (default 2,000) of one live
// session. A captioner sends BENCH_LINES lines (20), one every BENCH_EVERY_MS (600 ms, under the
// captioners' limit of 20 lines in 10 s); each line carries its send time and every client notes
// when it arrives. The same run measures Chemins' realtime server (server/realtime/process.ts:
// sign-in, policy, live check, rate limit and the line stored in Postgres before the broadcast) and,
// as the baseline, a bare Socket.IO server broadcasting the same payload (bench/realtime/bare-server.ts),
// each in its own process; this script is the load generator. Prints p50/p99/max and the ratio.
//
//   DATABASE_URL=postgres://… npx tsx bench/captions.ts   (BENCH_CLIENTS, BENCH_LINES, BENCH_EVERY_MS)
//   Target (issue 29): p99 ≤ 500 ms on 2,000 clients.
import { io as connect, type Socket } from 'socket.io-client';
import { liveBenchSession, percentile, type Proc, seededBenchDatabase, startListening } from './support';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a Postgres server).');
const N = Number(process.env.BENCH_CLIENTS ?? 2000);
const LINES = Number(process.env.BENCH_LINES ?? 20);
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 600);

type Result = { name: string; held: number; sent: number; delivered: number; expected: number; p50: number; p99: number; max: number };

/** N viewers (guests: a public session is read without signing in) and the captioner, joined. */
async function viewers(proc: Proc, sessionId: string, onLine: (p: { text: string }) => void): Promise<Socket[]> {
  const all: Socket[] = [];
  for (let i = 0; i < N; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, N - i) }, async () => {
        const s = connect(proc.url, { transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        const res = await s.timeout(30_000).emitWithAck('session:join', { sessionId });
        if (!res.ok) throw new Error(`join refused: ${JSON.stringify(res.error)}`);
        s.on('caption:line', onLine);
        return s;
      }),
    );
    all.push(...batch);
  }
  return all;
}

async function run(name: string, proc: Proc, sessionId: string, cookie: string): Promise<Result> {
  const latencies: number[] = [];
  const onLine = (p: { text: string }) => {
    const m = /t=(\d+(?:\.\d+)?)/.exec(p.text);
    if (m) latencies.push(performance.timeOrigin + performance.now() - Number(m[1]));
  };
  const clients = await viewers(proc, sessionId, onLine);
  const captioner = connect(proc.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
  await new Promise<void>((resolve) => captioner.once('connect', () => resolve()));
  await captioner.timeout(30_000).emitWithAck('session:join', { sessionId });
  const held = clients.filter((c) => c.connected).length;
  // Let the join storm settle (presence updates, GC) before measuring.
  await new Promise((r) => setTimeout(r, 3000));
  let sent = 0;
  for (let i = 0; i < LINES; i++) {
    const res = await captioner.timeout(10_000).emitWithAck('caption:send', { sessionId, text: `Ligne ${i} t=${performance.timeOrigin + performance.now()}` });
    if (res.ok) sent++;
    else console.log(`  (${name}: refused ${res.error.code})`);
    await new Promise((r) => setTimeout(r, EVERY_MS));
  }
  const expected = sent * held;
  const until = Date.now() + 15_000;
  while (latencies.length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  for (const c of [...clients, captioner]) c.disconnect();
  latencies.sort((a, b) => a - b);
  return { name, held, sent, delivered: latencies.length, expected, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN };
}

// ---------------------------------------------------------------- a fresh database, a live session, a captioner
const { url: benchUrl, sql, drop } = await seededBenchDatabase(DATABASE_URL, 'captions');
const session = { id: await liveBenchSession(sql, 'bench-captions') };
const [user] = await sql<{ id: string }[]>`insert into users (id, email, name) values (gen_random_uuid()::text, 'bench-captions@bench.test', 'Bench') returning id`;
await sql`insert into sessions (session_token, user_id, expires) values ('bench-captioner', ${user!.id}, now() + interval '1 day')`;
await sql`insert into role_grants (user_id, role, event_id, session_id) values (${user!.id}, 'captioner', (select event_id from programme_sessions where id = ${session.id}), ${session.id})`;
const cookie = 'next-auth.session-token=bench-captioner';

const results: Result[] = [];
const phases = [
  { name: 'bare Socket.IO (baseline)', script: 'bench/realtime/bare-server.ts' },
  { name: 'Chemins', script: 'server/realtime/process.ts' },
];
try {
  for (const p of phases) {
    const proc = await startListening(p.script, { DATABASE_URL: benchUrl, REDIS_URL: '' });
    try {
      results.push(await run(p.name, proc, session.id, cookie));
    } finally {
      proc.child.kill('SIGTERM');
    }
    const r = results.at(-1)!;
    console.log(`${r.name}: ${r.held}/${N} clients held, p99 ${r.p99.toFixed(1)} ms`);
  }
} finally {
  await drop();
}

console.log(`\nbench/captions — ${N} clients in one session, ${LINES} caption lines, one every ${EVERY_MS} ms\n`);
console.log('| run | clients held | lines sent | deliveries | p50 ms | p99 ms | max ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.held} | ${r.sent} | ${r.delivered}/${r.expected} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`);
const [bare, app] = results;
if (bare && app) console.log(`\np99 ratio Chemins / bare: ${(app.p99 / bare.p99).toFixed(2)}× (target: Chemins p99 ≤ 500 ms)`);
process.exit(0);

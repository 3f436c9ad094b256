// bench/realtime: N socket.io-client connections in one session; some of them chat, ask and vote;
// every broadcast carries its send time, so each client measures delivery latency. The same
// workload runs against Chemins' realtime server (auth, validation, Postgres before every ack)
// and against a bare Socket.IO server (bench/realtime/bare-server.ts) as the baseline, first on
// one process, then (with REDIS_URL) on two processes sharing rooms through the Redis streams
// adapter. Prints, per run: broadcasts planned / sent / acknowledged, deliveries received of those
// expected, p50/p99 delivery latency, clients held, and the servers' RSS before any client and
// with all of them (and so the memory per connected client), each split by process.memoryUsage()
// (memory-probe.mjs): heap in use, heap held unused, outside the heap. Chemins' server runs with
// the production server's Node flags (server/node-flags.ts), the bare one with Node's defaults
// (BENCH_BARE_NODE_ARGS to give it others).
//
// The load generator does not share the server's CPU: the servers run pinned to BENCH_SERVER_CPUS
// (`taskset -c`, default CPU 0), this coordinator and its client processes (bench/realtime/
// crowd.ts, forked, at most BENCH_PER_WORKER clients each, each from its own source address
// 127.0.x.y) to BENCH_LOAD_CPUS (default the other CPUs); each run prints the CPUs every process
// may use and last ran on (/proc/<pid>/status, ps -o psr). BENCH_PIN=0 pins nothing.
//
// BENCH_SCENARIO=poll: a moderator launches a poll with its results shown, then every client
// answers once, spread over BENCH_SECONDS (10); each client notes when it holds the final counts
// (every answer in); prints, from the last answer sent to the final results on every client,
// p50/p99/max, how many clients ended with exact counts, and how many updates each received —
// beside the bare server doing the same throttled broadcasts from counts kept in memory.
//
// BENCH_HEAP_DIR=<dir>: the servers run with --heapsnapshot-signal=SIGUSR2; a heap snapshot of
// each is written there before any client connects and once all are in (after the workload);
// `npx tsx bench/realtime/heap-summary.ts <before> <after>` compares them by type.
//
//   DATABASE_URL=postgres://… [REDIS_URL=redis://…] [BENCH_SCENARIO=poll] npx tsx bench/realtime/run.ts
//   (BENCH_CLIENTS=2000, BENCH_SECONDS=15 (poll: 10), BENCH_RATE=10 broadcasts/s)
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { io as connect } from 'socket.io-client';
import { benchJoinTokens, cpusOf, liveBenchSession, type Proc, rssMb, seededBenchDatabase, startListening } from '../support';
import { PRODUCTION_NODE_FLAGS } from '../../server/node-flags';
import { type Crowd, type CrowdReply, type CrowdRequest, type CrowdSpec, handle } from './crowd';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a Postgres server; npm run test:all starts one).');
const N = Number(process.env.BENCH_CLIENTS ?? 2000);
const SCENARIO = process.env.BENCH_SCENARIO === 'poll' ? 'poll' : 'chat';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SCENARIO === 'poll' ? 10 : 15));
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SENDERS = 60;
/** Clients held by the coordinator itself: the senders and as many voters. */
const ACTIVE = Math.min(N, 2 * SENDERS);
const PER_WORKER = Number(process.env.BENCH_PER_WORKER ?? 2500);
const HEAP_DIR = process.env.BENCH_HEAP_DIR ? resolvePath(process.env.BENCH_HEAP_DIR) : null;

// ---------------------------------------------------------------- pinning
const NCPU = availableParallelism();
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const PIN = process.env.BENCH_PIN !== '0' && hasTaskset && NCPU >= 2;
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS ?? '0';
const LOAD_CPUS = process.env.BENCH_LOAD_CPUS ?? `1-${NCPU - 1}`;
// The coordinator first: the client processes it forks inherit its CPUs.
if (PIN) execFileSync('taskset', ['-p', '-c', LOAD_CPUS, String(process.pid)], { stdio: 'ignore' });
console.log(PIN ? `pinning: servers on CPU ${SERVER_CPUS}, load generator on CPU ${LOAD_CPUS} (${NCPU} CPUs)` : 'pinning: none (BENCH_PIN=0, no taskset or one CPU)');

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: ArrayLike<number>, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function startServers(script: string, count: number, env: Record<string, string>): Promise<Proc[]> {
  const started: Proc[] = [];
  // Chemins' server with the production server's flags (server/node-flags.ts: its heap limit);
  // the bare server with Node's defaults, or BENCH_BARE_NODE_ARGS (e.g. the same heap limit).
  const flags = script.startsWith('server/') ? PRODUCTION_NODE_FLAGS : (process.env.BENCH_BARE_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
  const nodeArgs = [...(HEAP_DIR ? ['--heapsnapshot-signal=SIGUSR2'] : []), ...flags, '--import', MEMORY_PROBE];
  for (let i = 0; i < count; i++) started.push(await startListening(script, { ...env, BENCH_MEMORY_DIR: MEMORY_DIR }, { cpus: PIN ? SERVER_CPUS : undefined, nodeArgs }));
  return started;
}

// ---------------------------------------------------------------- where the memory is
const MEMORY_PROBE = join(import.meta.dirname, 'memory-probe.mjs');
const MEMORY_DIR = mkdtempSync(join(tmpdir(), 'chemins-bench-memory-'));
process.on('exit', () => rmSync(MEMORY_DIR, { recursive: true, force: true }));
/** process.memoryUsage() in MB, summed over the servers: what V8's heap uses, what it holds, and the rest. */
type Split = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
async function memoryOf(procs: Proc[]): Promise<Split> {
  const total: Split = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  for (const p of procs) {
    const file = join(MEMORY_DIR, `memory-${p.child.pid}.json`);
    rmSync(file, { force: true });
    process.kill(p.child.pid!, 'SIGWINCH');
    for (let t = 0; t < 200 && !existsSync(file); t++) await sleep(25);
    const m = JSON.parse(readFileSync(file, 'utf8')) as Split;
    for (const k of Object.keys(total) as (keyof Split)[]) total[k] += m[k] / 1024 / 1024;
  }
  return total;
}
/** RSS split: the heap in use, the heap held unused (V8's slack and garbage), and outside the heap (native, code, stacks). */
const splitLine = (m: Split) =>
  `RSS ${m.rss.toFixed(0)} MB = heap used ${m.heapUsed.toFixed(0)} + heap held unused ${(m.heapTotal - m.heapUsed).toFixed(0)} + outside the heap ${(m.rss - m.heapTotal).toFixed(0)} (of which external ${m.external.toFixed(0)}, array buffers ${m.arrayBuffers.toFixed(0)})`;

/** A heap snapshot of each server (SIGUSR2; node writes it to its working directory), moved to HEAP_DIR as <label>-<i>.heapsnapshot. */
async function snapshot(procs: Proc[], label: string) {
  if (!HEAP_DIR) return;
  mkdirSync(HEAP_DIR, { recursive: true });
  for (const [i, p] of procs.entries()) {
    const pid = p.child.pid!;
    const before = new Set(readdirSync('.'));
    process.kill(pid, 'SIGUSR2');
    let file: string | undefined;
    for (let t = 0; t < 1200 && !file; t++) {
      await sleep(250);
      file = readdirSync('.').find((f) => f.endsWith('.heapsnapshot') && f.includes(String(pid)) && !before.has(f));
    }
    if (!file) throw new Error(`no heap snapshot from ${pid}`);
    // Written once it has a size that stays the same for two seconds.
    let size = -1;
    for (let same = 0; same < 2; ) {
      await sleep(1000);
      const now = statSync(file).size;
      same = now > 0 && now === size ? same + 1 : 0;
      size = now;
    }
    const to = join(HEAP_DIR, `${label}-${i}.heapsnapshot`);
    renameSync(file, to);
    console.log(`  heap snapshot ${to}`);
  }
}

// ---------------------------------------------------------------- the crowd: this process and forked ones
type Share = { ask: (req: CrowdRequest) => Promise<CrowdReply>; close: () => void; pid: number };

function localShare(state: { crowd: Crowd | null }): Share {
  return { ask: (req) => handle(state, req), close: () => {}, pid: process.pid };
}

function forkedShare(): Share {
  const child: ChildProcess = fork(join(import.meta.dirname, 'crowd.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' });
  const waiting: ((r: CrowdReply) => void)[] = [];
  child.on('message', (r: CrowdReply) => waiting.shift()?.(r));
  return {
    pid: child.pid!,
    ask: (req) =>
      new Promise((resolve, reject) => {
        waiting.push((r) => (r.type === 'error' ? reject(new Error(r.message)) : resolve(r)));
        child.send(req);
      }),
    close: () => child.kill('SIGTERM'),
  };
}

/** Connect and join all N clients: ACTIVE of them here, the rest in forked processes, all at once. */
async function crowd(procs: Proc[], sessionId: string, tokens: string[], bare: boolean, phaseNo: number): Promise<{ shares: Share[]; held: number; local: Crowd }> {
  const state = { crowd: null as Crowd | null };
  const shares: Share[] = [localShare(state)];
  const specs: CrowdSpec[] = [{ urls: procs.map((p) => p.url), sessionId, tokens: tokens.slice(0, ACTIVE), offset: 0, bare, localAddress: `127.0.${phaseNo}.1` }];
  for (let off = ACTIVE, w = 2; off < N; off += PER_WORKER, w++) {
    shares.push(forkedShare());
    specs.push({ urls: procs.map((p) => p.url), sessionId, tokens: tokens.slice(off, Math.min(N, off + PER_WORKER)), offset: off, bare, localAddress: `127.0.${phaseNo}.${w}` });
  }
  const replies = await Promise.all(shares.map((s, i) => s.ask({ type: 'connect', spec: specs[i]! })));
  return { shares, held: sum(replies.map((r) => (r as { held: number }).held)), local: state.crowd! };
}

function pinning(procs: Proc[], shares: Share[]) {
  for (const p of procs) console.log(`  server ${cpusOf(p.child.pid!)}`);
  for (const s of shares) console.log(`  load   ${cpusOf(s.pid)}`);
}

async function closeAll(shares: Share[]) {
  await Promise.all(shares.map((s) => s.ask({ type: 'close' }).catch(() => undefined)));
  for (const s of shares) s.close();
}

type Memory = { rss0: number; rss: number };
const perClientKb = (m: Memory, held: number) => ((m.rss - m.rss0) * 1024) / Math.max(1, held);

// ---------------------------------------------------------------- chat, questions, votes
type Result = { name: string; held: number; planned: number; sent: number; acked: number; expected: number; delivered: number; p50: number; p99: number; max: number } & Memory;

async function phase(name: string, procs: Proc[], sessionId: string, tokens: string[], bare: boolean, phaseNo: number): Promise<Result> {
  await sleep(1000);
  const rss0 = sum(procs.map((p) => rssMb(p.child.pid!)));
  const split0 = await memoryOf(procs);
  await snapshot(procs, `${phaseNo}-before`);
  const { shares, held, local } = await crowd(procs, sessionId, tokens, bare, phaseNo);
  const clients = local.clients;
  // Let the join storm settle (presence updates, GC) before measuring the steady state.
  await sleep(3000);

  // Workload: chat (60 %), questions (20 %), votes (20 %), spread over senders so that nobody
  // reaches the per-person rate limit; on schedule (a late timer sends what is due at once).
  const planned = Math.round(SECONDS * RATE);
  const questionIds: string[] = [];
  let sent = 0;
  let timed = 0;
  let acked = 0;
  let refusals = 0;
  let timedRefused = 0;
  const acks: Promise<void>[] = [];
  const t0 = now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(planned, Math.floor(((now() - t0) / 1000) * RATE) + 1);
      for (; sent < due; sent++) {
        const tick = sent;
        const sender = clients[tick % SENDERS]!;
        const kind = tick % 5;
        const body = `bench t=${now()}`;
        const isTimed = kind < 3 || kind === 3 || questionIds.length === 0;
        if (isTimed) timed++;
        const ask = (socket: typeof sender, event: string, payload: unknown) =>
          acks.push(
            socket
              .timeout(30_000)
              .emitWithAck(event, payload)
              .then((res: { ok: boolean; data?: { id: string } }) => {
                if (res.ok) acked++;
                else {
                  refusals++;
                  if (isTimed) timedRefused++;
                }
                if (res.ok && event === 'question:ask' && res.data) questionIds.push(res.data.id);
              })
              .catch(() => {
                refusals++;
                if (isTimed) timedRefused++;
              }),
          );
        if (kind < 3) ask(sender, 'chat:send', { sessionId, body });
        else if (isTimed) ask(sender, 'question:ask', { sessionId, body });
        else {
          // A different voter each time (the coordinator's clients beyond the senders), on a recent question.
          const voter = clients[SENDERS + (tick % (clients.length - SENDERS))]!;
          const questionId = questionIds.at(-1)!;
          ask(voter, 'question:vote', bare ? { questionId, sessionId, vote: true } : { questionId, vote: true });
        }
      }
      if (sent >= planned) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / RATE / 2);
  });
  await Promise.all(acks);
  const expected = (timed - timedRefused) * held;
  const settleEnd = Date.now() + 15_000;
  let delivered = 0;
  for (;;) {
    delivered = sum((await Promise.all(shares.map((s) => s.ask({ type: 'count' })))).map((r) => (r as { delivered: number }).delivered));
    if (delivered >= expected || Date.now() > settleEnd) break;
    await sleep(200);
  }
  const rss = sum(procs.map((p) => rssMb(p.child.pid!)));
  const split = await memoryOf(procs);
  console.log(`  ${name}, no client: ${splitLine(split0)}`);
  console.log(`  ${name}, ${held} clients: ${splitLine(split)}`);
  pinning(procs, shares);
  await snapshot(procs, `${phaseNo}-after`);
  const reports = (await Promise.all(shares.map((s) => s.ask({ type: 'report' })))) as Extract<CrowdReply, { type: 'report' }>[];
  await closeAll(shares);
  const latencies = new Float64Array(sum(reports.map((r) => r.latencies.length)));
  let at = 0;
  for (const r of reports) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  latencies.sort();
  if (refusals) console.log(`  (${name}: ${refusals} commands refused)`);
  return { name, held, planned, sent, acked, expected, delivered, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? NaN, rss0, rss };
}

// ---------------------------------------------------------------- the poll scenario
type PollResult = { name: string; held: number; answered: number; exact: number; updates: number; p50: number; p99: number; max: number } & Memory;
const OPTIONS = ['Atelier', 'Plénière', 'Balade', 'Repas'];

/** The poll scenario (see the header): every client answers once; time to the final counts everywhere. */
async function pollPhase(name: string, procs: Proc[], sessionId: string, tokens: string[], bare: boolean, modCookie: string, phaseNo: number): Promise<PollResult> {
  const expected = OPTIONS.map((_, o) => Array.from({ length: N }, (_, i) => i % OPTIONS.length).filter((x) => x === o).length);
  await sleep(1000);
  const rss0 = sum(procs.map((p) => rssMb(p.child.pid!)));
  const { shares, held } = await crowd(procs, sessionId, tokens, bare, phaseNo);
  const mod = connect(procs[0]!.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: modCookie } });
  await new Promise<void>((resolve) => mod.once('connect', () => resolve()));
  const must = async (event: string, payload: unknown) => {
    const res = await mod.timeout(30_000).emitWithAck(event, payload);
    if (!res.ok) throw new Error(`${event} refused: ${JSON.stringify(res.error)}`);
    return res.data;
  };
  await must('session:join', { sessionId });
  const poll = await must('poll:create', { sessionId, kind: 'single', question: 'Bench ?', options: OPTIONS });
  await Promise.all(shares.map((s) => s.ask({ type: 'poll', pollId: poll.id, total: N })));
  await must('poll:launch', { pollId: poll.id });
  await must('poll:show', { pollId: poll.id, visible: true });
  await sleep(3000);
  await Promise.all(shares.map((s) => s.ask({ type: 'poll', pollId: poll.id, total: N })));

  // Every client answers once, spread evenly over SECONDS, each share its own clients.
  const t0 = now() + 200;
  const answered = (await Promise.all(shares.map((s) => s.ask({ type: 'answer', t0, seconds: SECONDS, n: N, options: OPTIONS.length })))) as Extract<CrowdReply, { type: 'answered' }>[];
  const refused = sum(answered.map((a) => a.refused));
  const lastSent = Math.max(...answered.map((a) => a.lastSent));
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const finals = sum((await Promise.all(shares.map((s) => s.ask({ type: 'count' })))).map((r) => (r as { finals: number }).finals));
    if (finals >= held) break;
    await sleep(100);
  }
  const rss = sum(procs.map((p) => rssMb(p.child.pid!)));
  pinning(procs, shares);
  const finals = (await Promise.all(shares.map((s) => s.ask({ type: 'final', expected })))) as Extract<CrowdReply, { type: 'final' }>[];
  mod.disconnect();
  await closeAll(shares);
  const finalAt = finals.flatMap((f) => [...f.finalAt]);
  if (refused) console.log(`  (${name}: ${refused} answers refused)`);
  const lat = finalAt.map((t) => Math.max(0, t - lastSent)).sort((a, b) => a - b);
  // A client that never got the final counts counts as the slowest.
  const p99 = finalAt.length < held ? Infinity : pct(lat, 99);
  const updates = sum(finals.map((f) => f.updates));
  return { name, held, answered: N - refused, exact: sum(finals.map((f) => f.exact)), updates: updates / Math.max(1, held), p50: pct(lat, 50), p99, max: lat.at(-1) ?? NaN, rss0, rss };
}

// ---------------------------------------------------------------- set-up: a fresh database
const { url: benchUrl, sql, drop } = await seededBenchDatabase(DATABASE_URL, 'rt');
const [event] = await sql<{ id: string }[]>`select id from events where slug = 'edition-demo'`;
const session = { id: await liveBenchSession(sql, 'bench-live') };
const tokens = await benchJoinTokens(sql, event!.id, N);

const [modUser] = await sql<{ id: string }[]>`insert into users (id, email, name) values (gen_random_uuid()::text, 'bench-mod@bench.test', 'Bench Mod') returning id`;
await sql`insert into sessions (session_token, user_id, expires) values ('bench-mod-session', ${modUser!.id}, now() + interval '1 day')`;
await sql`insert into role_grants (user_id, role, event_id) values (${modUser!.id}, 'moderator', ${event!.id})`;
const modCookie = 'next-auth.session-token=bench-mod-session';

const load = () => `load average ${execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ')}`;
console.log(`start: ${load()}`);
const memoryCells = (r: Memory, held: number) => `${r.rss0.toFixed(0)} | ${r.rss.toFixed(0)} | ${perClientKb(r, held).toFixed(1)}`;

if (SCENARIO === 'poll') {
  const polls: PollResult[] = [];
  const procs: Proc[] = [];
  try {
    const phases = [
      { name: 'bare Socket.IO, 1 process (baseline)', script: 'bench/realtime/bare-server.ts', count: 1, bare: true },
      { name: 'Chemins, 1 process', script: 'server/realtime/process.ts', count: 1, bare: false },
      ...(process.env.REDIS_URL ? [{ name: 'Chemins, 2 processes + Redis', script: 'server/realtime/process.ts', count: 2, bare: false }] : []),
    ];
    for (const [i, p] of phases.entries()) {
      const started = await startServers(p.script, p.count, { DATABASE_URL: benchUrl, REDIS_URL: p.count > 1 ? process.env.REDIS_URL! : '' });
      procs.push(...started);
      polls.push(await pollPhase(p.name, started, session.id, tokens, p.bare, modCookie, i + 1));
      for (const s of started) s.child.kill('SIGTERM');
      const r = polls.at(-1)!;
      console.log(`${r.name}: ${r.exact}/${r.held} exact, p99 ${r.p99.toFixed(1)} ms`);
    }
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await drop();
  }
  console.log(`\nbench/realtime poll — ${N} clients answer once within ${SECONDS} s; results shown to all, at most one update per 250 ms; end: ${load()}\n`);
  console.log('| run | clients held | answers stored | clients with exact final counts | updates per client | last answer → final counts on every client: p50 ms | p99 ms | max ms | server RSS, no client MB | with the clients MB | KB per client |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of polls) {
    console.log(`| ${r.name} | ${r.held} | ${r.answered} | ${r.exact} | ${r.updates.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${memoryCells(r, r.held)} |`);
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
  if (process.env.BENCH_ONLY) phases.splice(0, phases.length, ...phases.filter((p) => p.name.toLowerCase().includes(process.env.BENCH_ONLY!.toLowerCase())));
  for (const [i, p] of phases.entries()) {
    await sql`delete from chat_messages where session_id = ${session.id}`;
    await sql`delete from questions where session_id = ${session.id}`;
    const started = await startServers(p.script, p.count, { DATABASE_URL: benchUrl, REDIS_URL: p.redis ? process.env.REDIS_URL! : '' });
    procs.push(...started);
    results.push(await phase(p.name, started, session.id, tokens, p.bare, i + 1));
    for (const s of started) s.child.kill('SIGTERM');
    const r = results.at(-1)!;
    console.log(`${r.name}: ${r.held}/${N} clients held, ${r.sent}/${r.planned} broadcasts sent, ${r.delivered}/${r.expected} deliveries, p99 ${r.p99.toFixed(1)} ms, RSS ${r.rss.toFixed(0)} MB`);
  }
} finally {
  for (const p of procs) p.child.kill('SIGTERM');
  await drop();
}

console.log(`\nbench/realtime — ${N} clients in one session, ${RATE} broadcasts/s for ${SECONDS} s (60 % chat, 20 % questions, 20 % votes); end: ${load()}\n`);
console.log('| run | clients held | broadcasts planned / sent / acked | deliveries (timed) | p50 ms | p99 ms | max ms | server RSS, no client MB | with the clients MB | KB per client |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.held} | ${r.planned} / ${r.sent} / ${r.acked} | ${r.delivered}/${r.expected} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${memoryCells(r, r.held)} |`);
}
const byName = (n: string) => results.find((r) => r.name.startsWith(n));
const ratios = (app: Result | undefined, base: Result | undefined) =>
  app && base
    ? `p99 ${(app.p99 / base.p99).toFixed(2)}×, RSS ${(app.rss / base.rss).toFixed(2)}×, RSS per client ${(perClientKb(app, app.held) / perClientKb(base, base.held)).toFixed(2)}×`
    : 'n/a';
console.log(`\nChemins / bare, 1 process: ${ratios(byName('Chemins, 1'), byName('bare Socket.IO, 1'))} (targets: p99 ≤ 2×, RSS ≤ 1.5×, RSS per client ≤ 1.5×)`);
if (process.env.REDIS_URL) console.log(`Chemins / bare, 2 processes + Redis: ${ratios(byName('Chemins, 2'), byName('bare Socket.IO, 2'))}`);
process.exit(0);

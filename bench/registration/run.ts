// bench/registration: concurrent registrations over HTTP against the running app on real Postgres,
// beside a baseline measured in the same run: a plain INSERT … ON CONFLICT loop over a pool of
// the same size, once with Postgres's default settings and once with the app's connection
// settings (custom plans, see db/client.ts); the ratio is taken against the faster of the two.
// Baseline and app alternate over BENCH_ROUNDS rounds (4: as many with the baseline first as with
// the app first, see below); the ratio printed is the median of the rounds' ratios. Prints
// throughput and p50/p99, and checks that no session is overbooked.
//
// The reference is a Postgres with its default settings, as in production: each commit is flushed
// to disk (fsync, synchronous_commit). The test suite's Postgres turns that off for speed, which
// takes the cost of a commit out of the baseline's one-row transactions, and the ratio is then
// larger; the settings are printed with the figures.
//
//   DATABASE_URL=postgres://… npx tsx bench/registration/run.ts
//   (BENCH_URL=http://127.0.0.1:3000 to use an app already running on that database;
//    BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_CAPACITY, BENCH_ROUNDS to change the load.)
import postgres from 'postgres';
import { Pool } from 'undici';
import { CONNECTION_SETTINGS } from '../../db/client';
import { startApp } from '../support';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a fresh database on a Postgres with its default settings).');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const POOL = 10; // the app's postgres.js pool size

/** Run `total` tasks with `concurrency` in flight; returns per-task latencies (ms) and wall time. */
async function drive(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await task(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { perSecond: total / seconds, p50: pct(50), p99: pct(99), seconds };
}

// The load generator is undici's connection pool with keep-alive: it costs the client far less CPU
// per request than `fetch` or node:http, and the client shares the 2 cores with the app.
let pool: Pool | undefined;
async function post(url: string, payload: unknown): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  pool ??= new Pool(u.origin, { connections: CONCURRENCY });
  const res = await pool.request({ path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.statusCode, body: await res.body.text() };
}

const sql = postgres(DATABASE_URL, { max: POOL, onnotice: () => {} });
const sqlAsApp = postgres(DATABASE_URL, { max: POOL, onnotice: () => {}, connection: CONNECTION_SETTINGS });
const app = await startApp();
try {
  const [{ id: eventId }] = await sql<{ id: string }[]>`select id from events where slug = 'edition-demo'`;
  const run = Date.now();

  const baselineOf = (db: typeof sql, tag: string, total = REQUESTS) =>
    drive(total, CONCURRENCY, async (i) => {
      await db`insert into registrations (event_id, name, email, join_token, consent_at)
               values (${eventId}, 'Base', ${`base-${tag}-${run}-${i}@bench.test`}, ${`bench-${tag}-${run}-${i}`}, now())
               on conflict (event_id, email) do update set name = excluded.name`;
    });

  /** One measured pass of the app: a new session of CAPACITY seats, REQUESTS people for it. */
  async function appRound(round: number, total = REQUESTS) {
    const [{ id: sessionId }] = await sql<{ id: string }[]>`
      insert into programme_sessions (event_id, slug, title, kind, capacity, starts_at, ends_at)
      values (${eventId}, ${`bench-${run}-r${round}`}, 'Bench', 'workshop', ${CAPACITY}, now() + interval '7 days', now() + interval '7 days 1 hour')
      returning id`;
    let failures = 0;
    const measured = await drive(total, CONCURRENCY, async (i) => {
      const res = await post(`${app.url}/api/events/edition-demo/registrations`, {
        name: `P${i}`,
        email: `p${round}-${run}-${i}@bench.test`,
        sessionIds: [sessionId],
        consent: true,
      });
      if (res.status !== 201) failures++;
    });
    const [counts] = await sql<{ confirmed: number; waitlisted: number }[]>`
      select count(*) filter (where status = 'confirmed')::int as confirmed,
             count(*) filter (where status = 'waitlisted')::int as waitlisted
        from registration_sessions where session_id = ${sessionId}`;
    await sql`delete from programme_sessions where id = ${sessionId}`;
    return { ...measured, failures, ...counts! };
  }

  // Warm-up, not measured: the same work as a measured round, smaller (JIT, connection pools,
  // plans kept by Postgres), for the app and for both baselines.
  await appRound(-1, 1000);
  await baselineOf(sql, 'warm-default', 1000);
  await baselineOf(sqlAsApp, 'warm-app', 1000);

  // The machine's speed drifts by tens of percent within a minute here, so the baseline and the
  // app are measured in alternating order over several rounds, and each round gives a ratio. The
  // order matters too: the app runs slower right after the baselines than right after its own
  // previous round (over 27 rounds on this machine: 3,055/s against 3,465/s on average, while the
  // baselines ran at the same speed either way; ratio 3.31 with the baseline first, 2.94 with the
  // app first), so an even number of rounds gives each order the same weight.
  type Round = { base: Awaited<ReturnType<typeof drive>>; baseApp: Awaited<ReturnType<typeof drive>>; app: Awaited<ReturnType<typeof appRound>> };
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      const base = await baselineOf(sql, `default${r}`);
      const baseApp = await baselineOf(sqlAsApp, `app${r}`);
      rounds.push({ base, baseApp, app: await appRound(r) });
    } else {
      const app = await appRound(r);
      const baseApp = await baselineOf(sqlAsApp, `app${r}`);
      rounds.push({ base: await baselineOf(sql, `default${r}`), baseApp, app });
    }
  }

  const fmt = (n: number) => n.toFixed(1).padStart(8);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const ratioOf = (x: Round) => Math.max(x.base.perSecond, x.baseApp.perSecond) / x.app.perSecond;
  const pgSettings = await sql<{ name: string; setting: string }[]>`
    select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes') order by name`;
  const pgSetting = (name: string) => pgSettings.find((x) => x.name === name)?.setting;
  console.log(`\nbench/registration — ${ROUNDS} rounds of ${REQUESTS} registrations each, ${CONCURRENCY} in flight, pool ${POOL}, capacity ${CAPACITY}`);
  console.log(
    `Postgres ${pgSetting('server_version')}: fsync ${pgSetting('fsync')}, synchronous_commit ${pgSetting('synchronous_commit')}, full_page_writes ${pgSetting('full_page_writes')}` +
      (pgSetting('fsync') === 'on' && pgSetting('synchronous_commit') !== 'off' ? ' (durable commits: the reference)' : ' (commits not flushed: not the reference, see the script’s header)'),
  );
  console.log(`round  baseline/s (defaults)  baseline/s (app's settings)  app/s     p50 ms    p99 ms   ratio   first`);
  rounds.forEach((x, r) =>
    console.log(`${String(r + 1).padStart(5)}  ${fmt(x.base.perSecond)}               ${fmt(x.baseApp.perSecond)}                  ${fmt(x.app.perSecond)} ${fmt(x.app.p50)} ${fmt(x.app.p99)}  ${ratioOf(x).toFixed(2)}×   ${r % 2 === 0 ? 'baseline' : 'app'}`),
  );
  const appPerSecond = median(rounds.map((x) => x.app.perSecond));
  const worstP99 = Math.max(...rounds.map((x) => x.app.p99));
  const ratio = median(rounds.map(ratioOf));
  console.log(`median: app ${appPerSecond.toFixed(1)}/s, p50 ${median(rounds.map((x) => x.app.p50)).toFixed(1)} ms; worst p99 ${worstP99.toFixed(1)} ms`);
  console.log(`throughput ratio, faster baseline/app, median of the rounds: ${ratio.toFixed(2)}× (target ≤ 3×)`);
  // Issue 33's targets, on a Postgres with its default settings and a quiet machine: ≥ 3,000 registrations/s,
  // p99 < 100 ms, ≤ 3× the plain loop in the same run, none oversold.
  console.log(`targets: ≥ 3,000/s ${appPerSecond >= 3000 ? 'met' : 'NOT met'}; p99 < 100 ms ${worstP99 < 100 ? 'met' : 'NOT met'}; ≤ 3× ${ratio <= 3 ? 'met' : 'NOT met'}`);
  const wrong = rounds.filter((x) => x.app.confirmed !== CAPACITY || x.app.waitlisted !== REQUESTS - CAPACITY || x.app.failures !== 0);
  for (const x of rounds) {
    console.log(`correctness: ${x.app.confirmed} confirmed / ${CAPACITY} seats, ${x.app.waitlisted} waitlisted, ${x.app.failures} failed requests`);
  }
  console.log(wrong.length ? 'WRONG: overbooking or failures' : 'no overbooking, no failed request');
  await sql`delete from registrations where email like ${`%-${run}-%@bench.test`}`;
  if (wrong.length) process.exitCode = 1;
} finally {
  app.stop();
  await pool?.close();
  await sql.end();
  await sqlAsApp.end();
}

// bench/registration: concurrent registrations over HTTP against the running app on real Postgres,
// beside a baseline measured in the same run: a plain INSERT … ON CONFLICT loop over a pool of
// the same size, once with Postgres's default settings and once with the app's connection
// settings (custom plans, see db/client.ts); the ratio is taken against the faster of the two.
// Prints throughput and p50/p99, and checks that no session is overbooked.
//
//   DATABASE_URL=postgres://… npx tsx bench/registration/run.ts
//   (BENCH_URL=http://127.0.0.1:3000 to use an app already running on that database;
//    BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_CAPACITY to change the load.)
import postgres from 'postgres';
import { Pool } from 'undici';
import { CONNECTION_SETTINGS } from '../../db/client';
import { startApp } from '../support';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('Set DATABASE_URL (a Postgres the app uses; npm run test:all starts one).');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
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
  const slug = `bench-${Date.now()}`;
  const [{ id: sessionId }] = await sql<{ id: string }[]>`
    insert into programme_sessions (event_id, slug, title, kind, capacity, starts_at, ends_at)
    values (${eventId}, ${slug}, 'Bench', 'workshop', ${CAPACITY}, now() + interval '7 days', now() + interval '7 days 1 hour')
    returning id`;
  const run = Date.now();

  // Warm-up (JIT, connection pool, route compilation), not measured.
  await drive(300, CONCURRENCY, async (i) => {
    await post(`${app.url}/api/events/edition-demo/registrations`, { name: 'Warm', email: `warm-${run}-${i}@bench.test`, consent: true });
  });

  const baselineOf = (db: typeof sql, tag: string) =>
    drive(REQUESTS, CONCURRENCY, async (i) => {
      await db`insert into registrations (event_id, name, email, join_token, consent_at)
               values (${eventId}, 'Base', ${`base-${tag}-${run}-${i}@bench.test`}, ${`bench-${tag}-${run}-${i}`}, now())
               on conflict (event_id, email) do update set name = excluded.name`;
    });
  const baselineDefault = await baselineOf(sql, 'default');
  const baselineApp = await baselineOf(sqlAsApp, 'app');
  const baseline = baselineDefault.perSecond >= baselineApp.perSecond ? baselineDefault : baselineApp;

  let failures = 0;
  const http = await drive(REQUESTS, CONCURRENCY, async (i) => {
    const res = await post(`${app.url}/api/events/edition-demo/registrations`, {
      name: `P${i}`,
      email: `p-${run}-${i}@bench.test`,
      sessionIds: [sessionId],
      consent: true,
    });
    if (res.status !== 201) failures++;
  });

  const [counts] = await sql<{ confirmed: number; waitlisted: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed,
           count(*) filter (where status = 'waitlisted')::int as waitlisted
      from registration_sessions where session_id = ${sessionId}`;
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nbench/registration — ${REQUESTS} registrations, ${CONCURRENCY} in flight, pool ${POOL}, capacity ${CAPACITY}`);
  console.log(`                          per second      p50 ms      p99 ms`);
  console.log(`baseline, Postgres defaults ${fmt(baselineDefault.perSecond)}    ${fmt(baselineDefault.p50)}    ${fmt(baselineDefault.p99)}`);
  console.log(`baseline, app's settings    ${fmt(baselineApp.perSecond)}    ${fmt(baselineApp.p50)}    ${fmt(baselineApp.p99)}`);
  console.log(`app  POST /registrations    ${fmt(http.perSecond)}    ${fmt(http.p50)}    ${fmt(http.p99)}`);
  console.log(`throughput ratio, faster baseline/app: ${(baseline.perSecond / http.perSecond).toFixed(2)}× (target ≤ 3×)`);
  console.log(`targets: ≥ 300/s ${http.perSecond >= 300 ? 'met' : 'NOT met'}; p99 < 250 ms ${http.p99 < 250 ? 'met' : 'NOT met'}`);
  const ok = counts!.confirmed === CAPACITY && counts!.waitlisted === REQUESTS - CAPACITY && failures === 0;
  console.log(`correctness: ${counts!.confirmed} confirmed / ${CAPACITY} seats, ${counts!.waitlisted} waitlisted, ${failures} failed requests → ${ok ? 'no overbooking' : 'WRONG'}`);
  await sql`delete from programme_sessions where id = ${sessionId}`;
  await sql`delete from registrations where email like ${`%-${run}-%@bench.test`}`;
  if (!ok) process.exitCode = 1;
} finally {
  app.stop();
  await pool?.close();
  await sql.end();
  await sqlAsApp.end();
}

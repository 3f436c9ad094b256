// The organizer's report (issue 30) of a large event: `eventReport` (registrations, per-session
// attendance merged per person, peak, time-weighted average, median, curves, engagement counts)
// beside the bare SQL aggregate over the same rows (one pass: per session, people, connections,
// clipped seconds), on the same database, in the same run, rounds alternating which goes first.
// Target: eventReport p95 < 1 s and ≤ 2× the bare aggregate's p95. The sessions are over: their
// attendance figures are settled first, as the after-session job does (also printed: one report
// before that, reading every row, and the settling's time).
//
//   DATABASE_URL=postgres://… npx tsx bench/report/run.ts      (makes and drops its own database)
//   BENCH_REGISTRATIONS (10,000), BENCH_SESSIONS (50), BENCH_ATTENDANCE (2,000,000), BENCH_RUNS (20);
//   BENCH_KEEP=1 keeps the database (and reuses a kept one, without seeding); BENCH_EXPLAIN=1 prints the plan.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { executePrepared } from '@/db/client';
import { REPORT_WORK_MEM, rowsOf, sessionFiguresQuery } from '@/db/queries/report/attendance';
import { settleAttendanceFigures } from '@/db/queries/report';
import { eventReport } from '@/server/report';
import { emptyBenchDatabase, percentile } from '../support';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 10_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const ATTENDANCE = Number(process.env.BENCH_ATTENDANCE ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const KEEP = process.env.BENCH_KEEP === '1';
const { db, kept, done } = await emptyBenchDatabase('report', { keep: KEEP });
const loadavg = () => os.loadavg()[0]!.toFixed(1);
const perSession = Math.ceil(ATTENDANCE / SESSIONS);

/** One event over five days, sessions of two hours (ten a day), registrations over two months, `perSession` joins per session. */
async function fill() {
  await db.execute(sql`insert into events (slug, title, starts_at, ends_at) values ('bench-report', 'Bench report', '2026-06-01 07:00Z', '2026-06-05 20:00Z')`);
  await db.execute(sql`
    insert into programme_sessions (event_id, slug, title, kind, mode, starts_at, ends_at)
    select e.id, 'session-' || n, 'Session ' || n, 'session', 'hybrid',
      '2026-06-01 08:00Z'::timestamptz + ((n - 1) / 10) * interval '1 day' + ((n - 1) % 10) * interval '1 hour',
      '2026-06-01 10:00Z'::timestamptz + ((n - 1) / 10) * interval '1 day' + ((n - 1) % 10) * interval '1 hour'
    from events e, generate_series(1, ${SESSIONS}) n where e.slug = 'bench-report'`);
  await db.execute(sql`
    insert into registrations (event_id, name, email, join_token, created_at, checked_in_at)
    select e.id, 'Person ' || n, 'person-' || n || '@bench.test', new_token(), '2026-04-01Z'::timestamptz + (n * 523 % 61) * interval '1 day',
      case when n % 3 = 0 then '2026-06-01 08:30Z'::timestamptz end
    from events e, generate_series(1, ${REGISTRATIONS}) n where e.slug = 'bench-report'`);
  // Each person holds a seat in five sessions.
  await db.execute(sql`
    insert into registration_sessions (registration_id, session_id, status)
    select r.id, s.id, 'confirmed'
    from (select id, row_number() over (order by id) as n from registrations) r
    join (select id, row_number() over (order by starts_at) as n from programme_sessions) s on (s.n - 1) % 10 = r.n % 10
    where (s.n - 1) / 10 < 5`);
  // Joins by registrants in turn, some before the start, lasting 1 to 90 minutes; people come back.
  await db.execute(sql`
    with r as (select id, row_number() over (order by id) - 1 as n from registrations),
    s as (select id, starts_at, row_number() over (order by starts_at) as n from programme_sessions)
    insert into attendance (session_id, actor_key, participant_sid, joined_at, left_at)
    select s.id, 'registration:' || r.id, 'PA_' || s.n || '_' || i,
      s.starts_at + ((i * 37) % 130 - 10) * interval '1 minute' + (i % 59) * interval '1 second',
      s.starts_at + ((i * 37) % 130 - 10 + 1 + i % 90) * interval '1 minute' + (i % 53) * interval '1 second'
    from s cross join generate_series(1, ${perSession}) i join r on r.n = (i + s.n * 7) % ${REGISTRATIONS}`);
  await db.execute(sql`vacuum analyze`);
}

try {
  const t0 = performance.now();
  if (!kept) await fill();
  const [event] = await executePrepared<{ id: string }>(db, sql`select id from events where slug = 'bench-report'`);
  const [count] = await executePrepared<{ n: number }>(db, sql`select count(*)::int as n from attendance`);
  console.log(`${kept ? 'kept' : 'seeded'}: ${REGISTRATIONS} registrations, ${SESSIONS} sessions, ${count!.n} attendance rows, ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${loadavg()})`);
  if (process.env.BENCH_EXPLAIN === '1') {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local work_mem = '${REPORT_WORK_MEM}'`));
      return rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain (analyze, buffers) ${sessionFiguresQuery(sql`ps.event_id = ${event!.id}`, new Date())}`));
    });
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
  }

  const bare = async () => {
    const t = performance.now();
    await executePrepared(
      db,
      sql`select a.session_id, count(*) as joins, count(distinct a.actor_key) as people,
        sum(extract(epoch from least(coalesce(a.left_at, s.ends_at), s.ends_at) - greatest(a.joined_at, s.starts_at))) filter (where a.joined_at < s.ends_at and coalesce(a.left_at, s.ends_at) > s.starts_at) as secs
      from attendance a join programme_sessions s on s.id = a.session_id where s.event_id = ${event!.id} group by a.session_id`,
    );
    return performance.now() - t;
  };
  const app = async () => {
    const t = performance.now();
    const report = await eventReport(event!.id);
    if (report.sessions.length !== SESSIONS) throw new Error('the report misses sessions');
    return performance.now() - t;
  };
  // The report of sessions whose figures are not settled yet (every row read), once; then the
  // after-session job settles them (as it does a quarter of an hour after each session's end).
  await db.execute(sql`delete from session_attendance_figures`);
  const cold = await app();
  const tSettle = performance.now();
  let settled = 0;
  for (let n; (n = await settleAttendanceFigures(new Date(), 10)) > 0; ) settled += n;
  console.log(`unsettled report (rows read): ${cold.toFixed(0)} ms; settling ${settled} sessions (the after-session job, 10 a pass): ${((performance.now() - tSettle) / 1000).toFixed(1)} s`);
  // Warm-up, then rounds alternating which side goes first.
  await bare();
  await app();
  const times = { bare: [] as number[], app: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      times.bare.push(await bare());
      times.app.push(await app());
    } else {
      times.app.push(await app());
      times.bare.push(await bare());
    }
  }
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  const b = stats(times.bare);
  const a = stats(times.app);
  console.log(`runs: ${RUNS} per side, load ${loadavg()}`);
  console.log(`bare SQL aggregate  p50 ${b.p50.toFixed(0)} ms  p95 ${b.p95.toFixed(0)} ms`);
  console.log(`eventReport         p50 ${a.p50.toFixed(0)} ms  p95 ${a.p95.toFixed(0)} ms`);
  console.log(`p95 ratio ${(a.p95 / b.p95).toFixed(2)}× (target ≤ 2×); eventReport p95 ${a.p95 < 1000 ? '<' : '≥'} 1 s (target < 1 s)`);
} finally {
  await done();
}

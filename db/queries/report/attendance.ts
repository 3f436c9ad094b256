import { type SQL, sql } from 'drizzle-orm';
import type { AttendancePoint } from '@/lib/domain/report';
import type { Db, Tx } from '../../client';

/** At most this many points on a session's attendance curve (one a minute, or one every N minutes). */
export const CURVE_POINTS = 200;

/** A session's figures as the SQL below computes them (docs/report.md: the definitions). */
export type SessionFigures = {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  registered: number;
  checkedIn: number;
  onlineViewers: number;
  peakOnline: number;
  averageOnline: number;
  medianMinutesWatched: number;
  attendance: AttendancePoint[];
  questions: number;
  votes: number;
  messages: number;
  pollAnswers: number;
  replayViews: number;
};

type Row = Omit<SessionFigures, 'attendance' | 'startsAt' | 'endsAt'> & { attendance: string | AttendancePoint[]; startsAt: string | Date; endsAt: string | Date };

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Memory for the report's sorts and hashes (one statement, in its own transaction): no spill to disk on large events. */
export const REPORT_WORK_MEM = '64MB';

/**
 * The per-session figures of the sessions `which` selects (a condition on `programme_sessions` as
 * `ps`), in one set-based statement. Each join/leave row is clipped to the session's scheduled
 * span; then, per person in join order, each row keeps only its part after the end of the rows
 * before it (a running max): the pieces left never overlap, so a second tab counts once, and
 * their union is the person's time in the room. Then
 * - the peak is the running sum of +1 at each piece's start and −1 at its end, in time order
 *   (intervals are half-open: who leaves at an instant is gone when another comes at it),
 * - the average is the people's time over the span (the time-weighted mean of concurrent viewers),
 * - the median is over the people with some time in the span, of their minutes,
 * - the curve buckets the same +1/−1 onto ≤ CURVE_POINTS instants (every `step` minutes from the
 *   start, ending at or before the end) and sums them in order: viewers connected at each instant.
 * A row still open (no leave yet) runs to `now`. Counts are plain counts per session.
 *
 * A session whose attendance figures were settled after its end (`session_attendance_figures`,
 * for the same span: `settleAttendanceFigures`) takes them from there, without reading its rows:
 * once a session has ended they cannot change, since every row is clipped to its span.
 */
export function sessionFiguresQuery(which: SQL, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`
with s as (
  select ps.id, ps.slug, ps.title, ps.starts_at, ps.ends_at,
    greatest(extract(epoch from ps.ends_at - ps.starts_at), 60)::float8 as span,
    (ceil(ceil(greatest(extract(epoch from ps.ends_at - ps.starts_at), 60) / 60.0) / ${CURVE_POINTS}) * 60)::float8 as step
  from programme_sessions ps where ${which}
),
settled as (
  select saf.* from session_attendance_figures saf join s on s.id = saf.session_id and saf.starts_at = s.starts_at and saf.ends_at = s.ends_at
),
todo as (select * from s where s.id not in (select session_id from settled)),
-- Per session (a lateral subquery: each session's rows alone, small sorts that stay in memory).
f as (
  select s.id as session_id, f.*
  from todo s cross join lateral (
    with pieces as not materialized (
      -- From the index (session, person, join time) in its order: no sort. Each row keeps its part
      -- after the end of the person's rows before it. Read twice (each person's time, grouped in
      -- that order without a hash; the changes over time), which is cheaper than keeping it.
      select w.actor_key, w.b, w.e
      from (
        select x.actor_key, x.joined_at,
          greatest(x.joined_at, s.starts_at, max(least(coalesce(x.left_at, ${at}), s.ends_at)) over (partition by x.actor_key order by x.joined_at rows between unbounded preceding and 1 preceding)) as b,
          least(coalesce(x.left_at, ${at}), s.ends_at) as e
        from attendance x
        where x.session_id = s.id and x.joined_at < s.ends_at and coalesce(x.left_at, ${at}) > s.starts_at
      ) w
      where w.e > w.b
    ),
    deltas as materialized (
      select v.t, v.d from pieces cross join lateral (values (pieces.b, 1), (pieces.e, -1)) as v(t, d)
    )
    select w.viewers, w.total, w.median, p.peak, c.attendance
    from (
      select count(*)::int as viewers, sum(secs)::float8 as total, (percentile_cont(0.5) within group (order by secs))::float8 / 60 as median
      from (select sum(extract(epoch from e - b))::float8 as secs from pieces group by actor_key) people
    ) w,
    (
      -- The running sum in time order, all the changes of one instant together (intervals are
      -- half-open: who leaves at an instant is gone when another comes at it).
      select max(online)::int as peak
      from (select sum(d) over (order by t range between unbounded preceding and current row) as online from deltas) running
    ) p,
    (
      select json_agg(json_build_object('at', ${iso(sql`at`)}, 'online', online) order by k) as attendance
      from (
        select g.k, s.starts_at + make_interval(secs => g.k * s.step) as at,
          sum(coalesce(b.d, 0)) over (order by g.k rows unbounded preceding)::int as online
        from generate_series(0, floor(s.span / s.step)::int) as g(k)
        left join (select ceil(extract(epoch from t - s.starts_at) / s.step)::int as k, sum(d)::int as d from deltas group by 1) b on b.k = g.k
      ) curve
    ) c
  ) f
),
seats as (
  select rs.session_id, count(*)::int as registered, count(*) filter (where r.checked_in_at <= s.ends_at)::int as checked_in
  from registration_sessions rs join s on s.id = rs.session_id join registrations r on r.id = rs.registration_id
  where rs.status = 'confirmed' and r.status = 'active'
  group by rs.session_id
)
select s.id, s.slug, s.title, s.starts_at as "startsAt", s.ends_at as "endsAt",
  coalesce(seats.registered, 0) as registered,
  coalesce(seats.checked_in, 0) as "checkedIn",
  coalesce(settled.online_viewers, f.viewers, 0) as "onlineViewers",
  coalesce(settled.peak_online, f.peak, 0) as "peakOnline",
  coalesce(settled.average_online, round(coalesce(f.total, 0)::numeric / s.span::numeric, 2)::float8) as "averageOnline",
  coalesce(settled.median_minutes_watched, round(coalesce(f.median, 0)::numeric, 2)::float8) as "medianMinutesWatched",
  coalesce(settled.attendance::json, f.attendance, '[]'::json) as attendance,
  (select count(*) from questions q where q.session_id = s.id and q.withdrawn_at is null)::int as questions,
  (select count(*) from question_votes v join questions q on q.id = v.question_id where q.session_id = s.id and q.withdrawn_at is null)::int as votes,
  (select count(*) from chat_messages m where m.session_id = s.id and m.deleted_at is null)::int as messages,
  (select count(*) from poll_answers pa join polls p on p.id = pa.poll_id where p.session_id = s.id)::int as "pollAnswers",
  (select coalesce(sum(v.views), 0) from replay_views v join replays rp on rp.id = v.replay_id where rp.session_id = s.id)::int as "replayViews"
from s
left join f on f.session_id = s.id
left join settled on settled.session_id = s.id
left join seats on seats.session_id = s.id
order by s.starts_at, s.title`;
}

/** Runs `sessionFiguresQuery` (see there) with room for its sorts. */
export async function sessionFigures(q: Db | Tx, which: SQL, now: Date): Promise<SessionFigures[]> {
  const run = async (tx: Db | Tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${REPORT_WORK_MEM}'`));
    return rowsOf<Row>(await tx.execute(sessionFiguresQuery(which, now)));
  };
  const rows = await (q as Db).transaction(run); // a savepoint inside a transaction
  return rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    attendance: typeof r.attendance === 'string' ? (JSON.parse(r.attendance) as AttendancePoint[]) : r.attendance,
  }));
}

/** The rows of `execute` (an array on postgres.js, `{ rows }` on PGlite). */
export const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];

import { type SQL, sql } from 'drizzle-orm';
import type { AttendancePoint } from '@/lib/domain/report';
import { type Db, executePrepared, type Tx } from '../../client';

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

/**
 * The per-session figures of the sessions `which` selects (a condition on `programme_sessions` as
 * `ps`), in one set-based statement: each person's join/leave rows are clipped to the session's
 * scheduled span and merged where they overlap (a second tab counts once), then
 * - the peak is the running sum of +1 at each merged interval's start and −1 at its end (ends
 *   before starts at the same instant: intervals are half-open),
 * - the average is the merged time over the span (the time-weighted mean of concurrent viewers),
 * - the median is over the people with some time in the span, of their minutes,
 * - the curve buckets the same +1/−1 onto ≤ CURVE_POINTS instants (every `step` minutes from the
 *   start, ending at or before the end) and sums them in order: viewers connected at each instant.
 * A row still open (no leave yet) runs to `now`. Counts are plain counts per session.
 */
export async function sessionFigures(q: Db | Tx, which: SQL, now: Date): Promise<SessionFigures[]> {
  const rows = await executePrepared<Row>(
    q as Db,
    sql`
with s as (
  select ps.id, ps.slug, ps.title, ps.starts_at, ps.ends_at,
    greatest(extract(epoch from ps.ends_at - ps.starts_at), 60)::float8 as span,
    (ceil(ceil(greatest(extract(epoch from ps.ends_at - ps.starts_at), 60) / 60.0) / ${CURVE_POINTS}) * 60)::float8 as step
  from programme_sessions ps where ${which}
),
clipped as (
  select a.session_id, a.actor_key, greatest(a.joined_at, s.starts_at) as b,
    least(coalesce(a.left_at, ${now.toISOString()}::timestamptz), s.ends_at) as e
  from attendance a join s on s.id = a.session_id
  where a.joined_at < s.ends_at and coalesce(a.left_at, ${now.toISOString()}::timestamptz) > s.starts_at
),
marked as (
  select session_id, actor_key, b, e,
    case when b <= max(e) over w then 0 else 1 end as fresh
  from clipped
  window w as (partition by session_id, actor_key order by b, e rows between unbounded preceding and 1 preceding)
),
islands as (
  select session_id, actor_key, b, e, sum(fresh) over (partition by session_id, actor_key order by b, e rows unbounded preceding) as island
  from marked
),
merged as (
  select session_id, actor_key, min(b) as b, max(e) as e from islands group by session_id, actor_key, island
),
people as (
  select session_id, sum(extract(epoch from e - b))::float8 as secs from merged group by session_id, actor_key
),
watch as (
  select session_id, count(*)::int as viewers, sum(secs)::float8 as total,
    (percentile_cont(0.5) within group (order by secs))::float8 / 60 as median
  from people group by session_id
),
deltas as (
  select session_id, b as t, 1 as d from merged
  union all
  select session_id, e as t, -1 as d from merged
),
running as (
  select session_id, sum(d) over (partition by session_id order by t, d rows unbounded preceding) as online from deltas
),
peak as (select session_id, max(online)::int as peak from running group by session_id),
buckets as (
  select d.session_id, ceil(extract(epoch from d.t - s.starts_at) / s.step)::int as k, sum(d.d)::int as d
  from deltas d join s on s.id = d.session_id group by 1, 2
),
points as (
  select s.id as session_id, k, s.starts_at + make_interval(secs => k * s.step) as at
  from s cross join lateral generate_series(0, floor(s.span / s.step)::int) as k
),
curve as (
  select p.session_id, p.k, p.at, sum(coalesce(b.d, 0)) over (partition by p.session_id order by p.k rows unbounded preceding)::int as online
  from points p left join buckets b on b.session_id = p.session_id and b.k = p.k
),
curves as (
  select session_id, json_agg(json_build_object('at', ${iso(sql`at`)}, 'online', online) order by k) as attendance from curve group by session_id
)
select s.id, s.slug, s.title, s.starts_at as "startsAt", s.ends_at as "endsAt",
  (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id
    where rs.session_id = s.id and rs.status = 'confirmed' and r.status = 'active')::int as registered,
  (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id
    where rs.session_id = s.id and rs.status = 'confirmed' and r.status = 'active' and r.checked_in_at <= s.ends_at)::int as "checkedIn",
  coalesce(watch.viewers, 0) as "onlineViewers",
  coalesce(peak.peak, 0) as "peakOnline",
  round(coalesce(watch.total, 0)::numeric / s.span::numeric, 2)::float8 as "averageOnline",
  round(coalesce(watch.median, 0)::numeric, 2)::float8 as "medianMinutesWatched",
  coalesce(curves.attendance, '[]'::json) as attendance,
  (select count(*) from questions q where q.session_id = s.id and q.withdrawn_at is null)::int as questions,
  (select count(*) from question_votes v join questions q on q.id = v.question_id where q.session_id = s.id and q.withdrawn_at is null)::int as votes,
  (select count(*) from chat_messages m where m.session_id = s.id and m.deleted_at is null)::int as messages,
  (select count(*) from poll_answers pa join polls p on p.id = pa.poll_id where p.session_id = s.id)::int as "pollAnswers",
  (select coalesce(sum(v.views), 0) from replay_views v join replays rp on rp.id = v.replay_id where rp.session_id = s.id)::int as "replayViews"
from s
left join watch on watch.session_id = s.id
left join peak on peak.session_id = s.id
left join curves on curves.session_id = s.id
order by s.starts_at, s.title`,
  );
  return rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    attendance: typeof r.attendance === 'string' ? (JSON.parse(r.attendance) as AttendancePoint[]) : r.attendance,
  }));
}

import { sql } from 'drizzle-orm';
import { DIRECT_SOURCE } from '@/lib/domain/registration-source';
import { type Db, executePrepared, type Tx } from '../../client';
import { attendeeOf } from '../organizer';

/** The event's registration figures (docs/report.md: the definitions). */
export type RegistrationFigures = {
  total: number;
  onsite: number;
  online: number;
  /** Registered people who came on site, online, or both. */
  present: number;
  byDay: { day: string; count: number }[];
  /** Registrations that used each invitation code (a person counts once per code). */
  byCode: { code: string; count: number }[];
  /** Registrations per source (`registrations.source`, `direct` when none): most first. */
  bySource: { source: string; count: number }[];
  /** The same per day of registration (the event's time zone). */
  byDayAndSource: { day: string; source: string; count: number }[];
};

/**
 * Over the people on the attendee list (`attendeeOf`, the same rows as the attendee CSV): how many,
 * how many checked in on site, how many joined a session's video room (their actor key, by
 * registration or by account, is in the event's attendance), per day of registration in the
 * event's time zone, per invitation code, and per source (what drove them).
 */
export async function registrationFigures(q: Db | Tx, eventId: string, timeZone: string): Promise<RegistrationFigures> {
  const [counts] = await executePrepared<{ total: number; onsite: number; online: number; present: number }>(
    q as Db,
    sql`
with actors as (
  select distinct a.actor_key from attendance a
  where a.session_id in (select ps.id from programme_sessions ps where ps.event_id = ${eventId})
),
regs as (
  select registrations.checked_in_at is not null as onsite,
    (('registration:' || registrations.id::text) in (select actor_key from actors)
      or ('user:' || registrations.user_id) in (select actor_key from actors)) as online
  from registrations where ${attendeeOf(eventId)}
)
select count(*)::int as total, count(*) filter (where onsite)::int as onsite, count(*) filter (where online)::int as online,
  count(*) filter (where onsite or online)::int as present
from regs`,
  );
  const byDay = await executePrepared<{ day: string; count: number }>(
    q as Db,
    sql`select to_char(registrations.created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as count
from registrations where ${attendeeOf(eventId)} group by 1 order by 1`,
  );
  const byCode = await executePrepared<{ code: string; count: number }>(
    q as Db,
    sql`select c.code, count(distinct registrations.id)::int as count
from registrations
join registration_sessions rs on rs.registration_id = registrations.id and rs.status <> 'cancelled'
join invitation_codes c on c.id = rs.invitation_code_id
where ${attendeeOf(eventId)} group by c.code order by count desc, c.code`,
  );
  const byDayAndSource = await executePrepared<{ day: string; source: string; count: number }>(
    q as Db,
    sql`select day, source, count(*)::int as count from (
  select to_char(registrations.created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, coalesce(registrations.source, ${DIRECT_SOURCE}) as source
  from registrations where ${attendeeOf(eventId)}
) r group by day, source order by day, source collate "C"`,
  );
  return { ...counts!, byDay, byCode, bySource: sourceTotals(byDayAndSource), byDayAndSource };
}

/** Per source over the days: most registrations first, then by source. */
function sourceTotals(rows: { source: string; count: number }[]): { source: string; count: number }[] {
  const total = new Map<string, number>();
  for (const r of rows) total.set(r.source, (total.get(r.source) ?? 0) + r.count);
  return [...total].map(([source, count]) => ({ source, count })).sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : 1));
}

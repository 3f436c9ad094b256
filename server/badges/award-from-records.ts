import { type Db, getDb } from '@/db/client';
import { achievementsOfKinds } from '@/db/queries/badges/achievements';
import { startedEventIds } from '@/db/queries/badges/issuers';
import { attendanceOfEvent, checkedInOf, contributors, grantHoldersIn, peopleOfKeys, sessionPeopleIn } from '@/db/queries/badges/records';
import {
  attendedMinutes,
  DEFAULT_MIN_MINUTES,
  FACILITATOR_GRANTS,
  FACILITATOR_ROLES,
  normalEmail,
  participated,
  type Person,
} from '@/lib/domain/badges';
import { ensureEventIssuer } from './ensure-event-issuer';
import { ensurePlatformIssuer } from './ensure-platform-issuer';
import { issueAwards } from './issue-awards';

/** *participated*: minutes in the event's live rooms (LiveKit attendance), or a check-in on site. */
async function participants(db: Db, eventId: string, minMinutes: number, now: Date): Promise<Person[]> {
  const rows = await attendanceOfEvent(db, eventId);
  const who = await peopleOfKeys(db, [...new Set(rows.map((r) => r.actorKey))]);
  const byEmail = new Map<string, { person: Person; spans: { joinedAt: Date; leftAt: Date | null }[] }>();
  for (const r of rows) {
    const person = who.get(r.actorKey);
    if (!person) continue; // guests
    const key = normalEmail(person.email);
    const entry = byEmail.get(key) ?? { person, spans: [] };
    // A join still open counts until now, and never past its session's end.
    entry.spans.push({ joinedAt: r.joinedAt, leftAt: r.leftAt ?? new Date(Math.min(now.getTime(), r.endsAt.getTime())) });
    byEmail.set(key, entry);
  }
  const checkedIn = await checkedInOf(db, eventId);
  const out = new Map<string, Person>();
  for (const p of checkedIn) if (participated({ minutes: 0, checkedIn: true }, minMinutes)) out.set(normalEmail(p.email), p);
  for (const [email, e] of byEmail) {
    if (participated({ minutes: attendedMinutes(e.spans, now), checkedIn: false }, minMinutes)) out.set(email, e.person);
  }
  return [...out.values()];
}

/** *facilitated*: speakers, facilitators and moderators of the event's sessions (with an account), and its speaker and moderator grants. */
async function facilitators(db: Db, eventId: string): Promise<Person[]> {
  return [...(await sessionPeopleIn(db, eventId, FACILITATOR_ROLES)), ...(await grantHoldersIn(db, eventId, FACILITATOR_GRANTS))];
}

/**
 * The award job: issues every built-in achievement to whoever earned it from the records and has
 * no badge for it yet. Idempotent (unique per achievement and recipient), so it is safe to run at
 * every tick, after a restart, or from several processes. Returns how many badges were issued.
 * *contributed* (authors of published resources, proposers of accepted proposals) is the
 * platform's, awarded when no single event is asked for.
 */
export async function awardFromRecords(opts: { eventId?: string; now?: Date } = {}): Promise<number> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const eventIds = opts.eventId ? [opts.eventId] : await startedEventIds(db, now);
  let issued = 0;
  for (const eventId of eventIds) {
    const issuer = await ensureEventIssuer(eventId);
    for (const a of await achievementsOfKinds(db, issuer.id, ['participated', 'facilitated'])) {
      const people = a.kind === 'participated' ? await participants(db, eventId, a.minMinutes ?? DEFAULT_MIN_MINUTES, now) : await facilitators(db, eventId);
      issued += await issueAwards(a, people);
    }
  }
  if (!opts.eventId) {
    const platform = await ensurePlatformIssuer();
    const [contributed] = await achievementsOfKinds(db, platform.id, ['contributed']);
    if (contributed) issued += await issueAwards(contributed, await contributors(db));
  }
  return issued;
}

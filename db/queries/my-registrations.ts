import { pick } from './columns';
import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { events, registrations, registrationSessions } from '../schema';
import type { Identity } from './identity';
import type { Locale } from '@/lib/i18n';
import type { SeatMode } from '@/lib/domain/registration';
import { cancel, type CancelResult, changeSeatMode, type ModeChange, register, type RegistrationResult } from './registrations';

/**
 * A person as the personal page sees them: the registration whose personal link this browser
 * opened (whatever its status), and the signed-in account (whose registrations are linked to it by
 * e-mail, docs/architecture.md). Either may be missing.
 */
export type Person = { linkRegistrationId: string | null; userId: string | null };

/** A seat as its holder sees it: confirmed, or waitlisted at `position` (1 = next to get a seat). */
export type MySeat = { sessionId: string; status: 'confirmed' | 'waitlisted'; mode: SeatMode; position: number | null };

/** The person's registrations: those of `who` (the link's registration and the account's). */
function ofPerson(who: Person): SQL | undefined {
  const mine = [
    who.linkRegistrationId ? eq(registrations.id, who.linkRegistrationId) : undefined,
    who.userId ? eq(registrations.userId, who.userId) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return mine.length ? or(...mine) : undefined;
}

/**
 * Seats with their place on the waiting list. The order is the one seats are given in
 * (`promote_waiting_list`, db/migrations/0012_registration_rules.sql): oldest request first, then the
 * registration id.
 */
async function seatsOfRegistrations(registrationIds: string[]): Promise<Map<string, MySeat[]>> {
  const out = new Map<string, MySeat[]>();
  if (!registrationIds.length) return out;
  const db = await getDb();
  const ahead = sql<number>`(
    select count(*)::int from ${registrationSessions} other
    where other.session_id = ${registrationSessions.sessionId} and other.status = 'waitlisted' and other.mode = ${registrationSessions.mode}
      and (other.requested_at, other.registration_id) < (${registrationSessions.requestedAt}, ${registrationSessions.registrationId})
  )`;
  const rows = await db
    .select({
      ...pick(registrationSessions, 'registrationId', 'sessionId', 'status', 'mode'),
      ahead: sql<number | null>`case when ${registrationSessions.status} = 'waitlisted' then ${ahead} end`,
    })
    .from(registrationSessions)
    .where(and(inArray(registrationSessions.registrationId, registrationIds), ne(registrationSessions.status, 'cancelled')));
  for (const r of rows) {
    const seat: MySeat = {
      sessionId: r.sessionId,
      status: r.status as MySeat['status'],
      mode: r.mode,
      position: r.status === 'waitlisted' ? Number(r.ahead ?? 0) + 1 : null,
    };
    out.set(r.registrationId, [...(out.get(r.registrationId) ?? []), seat]);
  }
  return out;
}

/** The person's registrations, each with its event and seats, most recent event first. */
export async function registrationsOfPerson(who: Person) {
  const where = ofPerson(who);
  if (!where) return [];
  const db = await getDb();
  const regs = await db
    .select({
      ...pick(registrations, 'id', 'name', 'status', 'joinToken', 'calendarToken', 'afterSessionMails', 'eventId'),
      eventSlug: events.slug,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(where)
    .orderBy(sql`${events.startsAt} desc`, asc(registrations.createdAt));
  const seats = await seatsOfRegistrations(regs.map((r) => r.id));
  return regs.map((r) => ({ ...r, seats: seats.get(r.id) ?? [] }));
}

/**
 * The seats the person asking holds in an event's sessions (programme and session pages), by
 * session: through their personal link or their account.
 */
export async function mySeats(identity: Identity | null, eventId: string): Promise<Map<string, MySeat>> {
  if (!identity) return new Map();
  const where = ofPerson({
    linkRegistrationId: identity.kind === 'registration' ? identity.registrationId : null,
    userId: identity.userId,
  });
  const db = await getDb();
  const regs = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(where, eq(registrations.eventId, eventId), eq(registrations.status, 'active')));
  const seats = await seatsOfRegistrations(regs.map((r) => r.id));
  return new Map([...seats.values()].flat().map((s) => [s.sessionId, s]));
}

/**
 * Cancel a seat (or the whole registration) of one of the person's registrations, from the
 * personal page; null when the registration is not theirs.
 */
export async function cancelForPerson(who: Person, registrationId: string, sessionId?: string): Promise<CancelResult | null> {
  const token = await tokenOfTheirs(who, registrationId);
  return token ? cancel(token, sessionId) : null;
}

/** The personal link's token of one of the person's registrations, or null when it is not theirs. */
async function tokenOfTheirs(who: Person, registrationId: string): Promise<string | null> {
  const where = ofPerson(who);
  if (!where) return null;
  const db = await getDb();
  const [reg] = await db
    .select({ joinToken: registrations.joinToken })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), where))
    .limit(1);
  return reg?.joinToken ?? null;
}

/**
 * Change a hybrid session's seat to on site or online, from the personal page (`change_seat_mode`:
 * the new mode's capacity is checked); null when the registration is not theirs.
 */
export async function changeModeForPerson(who: Person, registrationId: string, sessionId: string, mode: SeatMode): Promise<ModeChange | null> {
  const token = await tokenOfTheirs(who, registrationId);
  return token ? changeSeatMode(token, sessionId, mode) : null;
}

/** Whether a registration is one of the person's (the personal page's actions). */
export async function isTheirs(who: Person, registrationId: string): Promise<boolean> {
  const where = ofPerson(who);
  if (!where) return false;
  const db = await getDb();
  const rows = await db.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.id, registrationId), where)).limit(1);
  return rows.length > 0;
}

/**
 * Add sessions to one of the person's registrations, from the personal page: the same request as
 * the registration form's, by its holder (`register`, so `register_set` applies capacity, the
 * waiting list, invitation codes and the answers, in one place), with the registration's own name,
 * address and answers. Null when the registration is not theirs or is cancelled.
 */
export async function addSessionsForPerson(
  who: Person,
  registrationId: string,
  request: { sessionIds: string[]; invitationCode?: string },
  locale: Locale,
): Promise<RegistrationResult | null> {
  const where = ofPerson(who);
  if (!where) return null;
  const db = await getDb();
  const [reg] = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, answers: registrations.answers, eventSlug: events.slug })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.status, 'active'), where))
    .limit(1);
  if (!reg) return null;
  return register(
    reg.eventSlug,
    { name: reg.name, email: reg.email, answers: reg.answers, sessionIds: request.sessionIds, invitationCode: request.invitationCode, consent: true },
    locale,
    { holder: reg.id },
  );
}

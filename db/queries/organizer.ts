import { pick } from './columns';
import { and, asc, eq, sql } from 'drizzle-orm';
import { shownEmail } from '@/lib/domain/erased';
import { DomainError } from '@/lib/errors';
import { getDb } from '../client';
import { changeSeatMode, questionsOf, seatCountColumns } from './registrations';
import { events, programmeSessions, registrations, registrationSessions } from '../schema';
import { userMay } from './grants';

/** The event if `actorId` may organize it (`event.manage`: its organizers, admins), else null. */
export async function organizedEvent(actorId: string, eventSlug: string) {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.slug, eventSlug)).limit(1);
  if (!event || !(await userMay(actorId, 'event.manage', { eventId: event.id }))) return null;
  return event;
}

async function requireOrganizer(actorId: string, eventSlug: string) {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can see this.');
  return event;
}

/** Counts per session (confirmed / waiting / capacity) for the organizer view. */
export async function sessionCounts(actorId: string, eventSlug: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const rows = await db
    .select({
      ...pick(programmeSessions, 'id', 'slug', 'title', 'startsAt', 'capacity', 'capacityOnline', 'mode', 'status'),
      // In all and per mode (on site, online): a hybrid session's chairs and online seats (lib/domain/seats.ts).
      ...seatCountColumns(),
    })
    .from(programmeSessions)
    .leftJoin(registrationSessions, eq(registrationSessions.sessionId, programmeSessions.id))
    .where(eq(programmeSessions.eventId, event.id))
    .groupBy(programmeSessions.id)
    .orderBy(asc(programmeSessions.startsAt));
  return { event, sessions: rows };
}

/**
 * Who is on the attendee list (and in its CSV): the event's active registrations. The report's
 * `registrations.total` counts the same rows (db/queries/report).
 */
export const attendeeOf = (eventId: string) => and(eq(registrations.eventId, eventId), eq(registrations.status, 'active'));

/** Every active registration with answers and seats (attendee list, CSV). */
export async function attendees(actorId: string, eventSlug: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const rows = await db
    .select({
      ...pick(registrations, 'id', 'name', 'email', 'answers', 'createdAt', 'checkedInAt'),
      seats: sql<{ title: string; status: 'confirmed' | 'waitlisted'; mode: 'onsite' | 'online' }[]>`coalesce(json_agg(json_build_object('title', ${programmeSessions.title}, 'status', ${registrationSessions.status}, 'mode', ${registrationSessions.mode}) order by ${programmeSessions.startsAt}) filter (where ${registrationSessions.status} <> 'cancelled'), '[]')`,
    })
    .from(registrations)
    .leftJoin(registrationSessions, eq(registrationSessions.registrationId, registrations.id))
    .leftJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
    .where(attendeeOf(event.id))
    .groupBy(registrations.id)
    .orderBy(asc(registrations.name));
  // An erased registrant (docs/privacy.md) keeps a placeholder address that is nobody's: shown as none.
  return { event, attendees: rows.map((r) => ({ ...r, email: shownEmail(r.email) })), questions: await questionsOf(db, event.id) };
}

/** A registration's answer as the desk reads it: the question's label and the value as text. */
export type ArrivalAnswer = { label: string; value: string | string[] | boolean };

/** A hybrid session whose chair the person at the door could take instead of their online seat. */
export type ChairOffer = { sessionId: string; title: string; free: number | null };

/**
 * On-site check-in by personal link token (scanned QR code or typed); idempotent. Answers what
 * the door needs: whether this is a first arrival, the person's seats and their answers (needs).
 * Check-in is for on-site seats only (issue 28): someone whose seats are all online is not checked
 * in (`online`), and is offered the chairs free in their hybrid sessions; `toOnsite` (one of
 * those sessions) moves that seat on site first (`change_seat_mode`: 409 `mode_full` when the
 * chair went meanwhile), then checks them in.
 */
export async function checkIn(actorId: string, eventSlug: string, token: string, toOnsite?: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const [reg] = await db
    .select({ id: registrations.id, name: registrations.name, checkedInAt: registrations.checkedInAt, answers: registrations.answers })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.joinToken, token), eq(registrations.status, 'active')))
    .limit(1);
  if (!reg) throw new DomainError(404, 'registration_not_found', 'No active registration for this code at this event.');
  if (toOnsite) await changeSeatMode(token, toOnsite, 'onsite');
  const held = await db
    .select({
      sessionId: programmeSessions.id,
      title: programmeSessions.title,
      mode: registrationSessions.mode,
      sessionMode: programmeSessions.mode,
      capacity: programmeSessions.capacity,
      chairsTaken: sql<number>`${programmeSessions.confirmedCount} - ${programmeSessions.confirmedOnline}`,
    })
    .from(registrationSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
    .where(and(eq(registrationSessions.registrationId, reg.id), eq(registrationSessions.status, 'confirmed')))
    .orderBy(asc(programmeSessions.startsAt));
  if (held.length > 0 && held.every((s) => s.mode === 'online')) {
    const offers: ChairOffer[] = held
      .filter((s) => s.sessionMode === 'hybrid' && (s.capacity === null || s.chairsTaken < s.capacity))
      .map((s) => ({ sessionId: s.sessionId, title: s.title, free: s.capacity === null ? null : s.capacity - s.chairsTaken }));
    return { online: true as const, name: reg.name, offers };
  }
  const [updated] = await db
    .update(registrations)
    .set({ checkedInAt: sql`coalesce(${registrations.checkedInAt}, now())` })
    .where(eq(registrations.id, reg.id))
    .returning({ checkedInAt: registrations.checkedInAt });
  const [seats, questions] = await Promise.all([
    db
      .select({ title: programmeSessions.title, startsAt: programmeSessions.startsAt, endsAt: programmeSessions.endsAt, status: registrationSessions.status })
      .from(registrationSessions)
      .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
      .where(and(eq(registrationSessions.registrationId, reg.id), sql`${registrationSessions.status} <> 'cancelled'`))
      .orderBy(asc(programmeSessions.startsAt)),
    questionsOf(db, event.id),
  ]);
  // In the form's order; an answer left empty is not shown.
  const answers: ArrivalAnswer[] = questions
    .map((q) => ({ label: q.label, value: reg.answers[q.key] }))
    .filter((a): a is ArrivalAnswer => a.value !== undefined && a.value !== '' && !(Array.isArray(a.value) && a.value.length === 0));
  return {
    online: false as const,
    name: reg.name,
    checkedInAt: updated!.checkedInAt!,
    already: reg.checkedInAt !== null,
    timeZone: event.timeZone,
    seats: seats as { title: string; startsAt: Date; endsAt: Date; status: 'confirmed' | 'waitlisted' }[],
    answers,
  };
}

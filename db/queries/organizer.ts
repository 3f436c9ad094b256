import { and, asc, eq, sql } from 'drizzle-orm';
import { shownEmail } from '@/lib/domain/erased';
import { DomainError } from '@/lib/errors';
import { getDb } from '../client';
import { questionsOf } from './registrations';
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
      id: programmeSessions.id,
      slug: programmeSessions.slug,
      title: programmeSessions.title,
      startsAt: programmeSessions.startsAt,
      capacity: programmeSessions.capacity,
      status: programmeSessions.status,
      confirmed: sql<number>`count(${registrationSessions.registrationId}) filter (where ${registrationSessions.status} = 'confirmed')::int`,
      waitlisted: sql<number>`count(${registrationSessions.registrationId}) filter (where ${registrationSessions.status} = 'waitlisted')::int`,
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
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      answers: registrations.answers,
      createdAt: registrations.createdAt,
      checkedInAt: registrations.checkedInAt,
      seats: sql<{ title: string; status: 'confirmed' | 'waitlisted' }[]>`coalesce(json_agg(json_build_object('title', ${programmeSessions.title}, 'status', ${registrationSessions.status}) order by ${programmeSessions.startsAt}) filter (where ${registrationSessions.status} <> 'cancelled'), '[]')`,
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

/**
 * On-site check-in by personal link token (scanned QR code or typed); idempotent. Answers what
 * the door needs: whether this is a first arrival, the person's seats and their answers (needs).
 */
export async function checkIn(actorId: string, eventSlug: string, token: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const [reg] = await db
    .select({ id: registrations.id, name: registrations.name, checkedInAt: registrations.checkedInAt, answers: registrations.answers })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.joinToken, token), eq(registrations.status, 'active')))
    .limit(1);
  if (!reg) throw new DomainError(404, 'registration_not_found', 'No active registration for this code at this event.');
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
    name: reg.name,
    checkedInAt: updated!.checkedInAt!,
    already: reg.checkedInAt !== null,
    timeZone: event.timeZone,
    seats: seats as { title: string; startsAt: Date; endsAt: Date; status: 'confirmed' | 'waitlisted' }[],
    answers,
  };
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { callCommittee, calls, events, rooms, users } from '../../schema';

// Calls for proposals (docs/calls.md): the calls, their committees, and the event rows and rooms
// they need. Queries only: the rules are in server/calls/ and lib/domain/calls.ts.

type Q = Db | Tx;
export type Call = typeof calls.$inferSelect;
type CallValues = Omit<typeof calls.$inferInsert, 'id' | 'createdAt'>;

export async function callBySlug(q: Q, slug: string): Promise<Call | undefined> {
  const [call] = await q.select().from(calls).where(eq(calls.slug, slug));
  return call;
}

export async function callById(q: Q, id: string): Promise<Call | undefined> {
  const [call] = await q.select().from(calls).where(eq(calls.id, id));
  return call;
}

/** An event's calls, the first to open first. */
export async function callsOfEventId(q: Q, eventId: string): Promise<Call[]> {
  return q.select().from(calls).where(eq(calls.eventId, eventId)).orderBy(asc(calls.opensAt));
}

/** A new call, or undefined when its slug is taken. */
export async function insertCall(q: Q, values: CallValues) {
  const [row] = await q.insert(calls).values(values).onConflictDoNothing({ target: calls.slug }).returning({ id: calls.id });
  return row;
}

export async function updateCall(q: Q, id: string, values: CallValues) {
  await q.update(calls).set(values).where(eq(calls.id, id));
}

/** The call's committee becomes `members` (an account is made for an unknown address). */
export async function replaceCommittee(q: Q, callId: string, members: { name: string; email: string }[]) {
  await q.delete(callCommittee).where(eq(callCommittee.callId, callId));
  for (const m of members) {
    const email = m.email.toLowerCase();
    await q.insert(users).values({ email, name: m.name }).onConflictDoNothing({ target: users.email });
    const [u] = await q.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    await q.insert(callCommittee).values({ callId, userId: u!.id, name: m.name }).onConflictDoNothing();
  }
}

/** The user's seat on the call's committee, if any. */
export async function committeeSeat(q: Q, callId: string, userId: string) {
  const [m] = await q.select().from(callCommittee).where(and(eq(callCommittee.callId, callId), eq(callCommittee.userId, userId)));
  return m;
}

/** The committees' names of these calls, by name. */
export async function committeeNames(q: Q, callIds: string[]) {
  return q.select({ callId: callCommittee.callId, name: callCommittee.name }).from(callCommittee).where(inArray(callCommittee.callId, callIds)).orderBy(asc(callCommittee.name));
}

/** The committees of these calls with their e-mails (the organizers' edit form). */
export async function committeeWithEmails(q: Q, callIds: string[]) {
  return q
    .select({ callId: callCommittee.callId, name: callCommittee.name, email: users.email })
    .from(callCommittee)
    .innerJoin(users, eq(users.id, callCommittee.userId))
    .where(inArray(callCommittee.callId, callIds));
}

export async function eventIdOfSlug(q: Q, slug: string) {
  const [event] = await q.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return event;
}

export async function eventById(q: Q, id: string) {
  const [event] = await q.select().from(events).where(eq(events.id, id));
  return event;
}

/** The events of these calls, as a call's summary names them. */
export async function eventsByIds(q: Q, ids: string[]) {
  return q.select({ id: events.id, slug: events.slug, title: events.title, timeZone: events.timeZone }).from(events).where(inArray(events.id, ids));
}

export async function roomOfKey(q: Q, eventId: string, key: string) {
  const [room] = await q.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.eventId, eventId), eq(rooms.key, key)));
  return room;
}

/** An event's rooms by name (the committee's scheduling form). */
export async function roomsOfEvent(q: Q, eventId: string) {
  return q.select({ key: rooms.key, name: rooms.name }).from(rooms).where(eq(rooms.eventId, eventId)).orderBy(asc(rooms.name));
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { events, programmeSessions, sessionPeople } from '../../schema';

// The programme sessions accepted proposals become. Queries only: the rules are in server/calls/.

type Q = Db | Tx;

export async function insertSession(q: Q, values: typeof programmeSessions.$inferInsert) {
  const [session] = await q.insert(programmeSessions).values(values).returning({ id: programmeSessions.id });
  return session!;
}

export async function updateSession(q: Q, id: string, change: Partial<Omit<typeof programmeSessions.$inferInsert, 'id' | 'eventId'>>) {
  await q.update(programmeSessions).set(change).where(eq(programmeSessions.id, id));
}

/** A facilitator on a session (once). */
export async function addSessionFacilitator(q: Q, values: { sessionId: string; personId: string; position: number; organization: string | null }) {
  await q
    .insert(sessionPeople)
    .values({ ...values, role: 'facilitator' })
    .onConflictDoNothing();
}

export async function sessionTimes(q: Q, id: string) {
  const [session] = await q.select({ day: programmeSessions.startsAt, endsAt: programmeSessions.endsAt, roomId: programmeSessions.roomId }).from(programmeSessions).where(eq(programmeSessions.id, id));
  return session;
}

/** The published ones of these sessions, with their event's slug. */
export async function publishedSessions(q: Q, ids: string[]) {
  return q
    .select({ id: programmeSessions.id, slug: programmeSessions.slug, event: events.slug })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(and(inArray(programmeSessions.id, ids), eq(programmeSessions.draft, false)));
}

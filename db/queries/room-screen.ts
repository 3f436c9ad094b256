import { and, countDistinct, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { attendance, registrations, registrationSessions } from '../schema';

/**
 * Who is in a session now, as a room screen counts them (issue 28): on site, the people holding a
 * chair (an on-site seat, confirmed) who were checked in at the door; online, the people in its
 * video room (LiveKit webhooks: joined and not left). Counts only, nobody named.
 */
export async function presenceCounts(sessionId: string): Promise<{ onsite: number; online: number }> {
  const db = await getDb();
  const [[onsite], [online]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrationSessions)
      .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
      .where(
        and(
          eq(registrationSessions.sessionId, sessionId),
          eq(registrationSessions.status, 'confirmed'),
          eq(registrationSessions.mode, 'onsite'),
          eq(registrations.status, 'active'),
          isNotNull(registrations.checkedInAt),
        ),
      ),
    db
      .select({ n: countDistinct(attendance.actorKey) })
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), isNull(attendance.leftAt))),
  ]);
  return { onsite: onsite?.n ?? 0, online: Number(online?.n ?? 0) };
}

import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { getDb } from '../client';
import { attendance, moderationLog, programmeSessions, roomSanctions } from '../schema';
import { personKey } from './identity';

export type VideoAction = 'promote' | 'demote' | 'mute' | 'remove' | 'end';

/** Was this person brought on stage (their latest promote/demote in the session is a promote)? */
export async function isPromoted(sessionId: string, actorKey: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ action: moderationLog.action })
    .from(moderationLog)
    .where(
      and(
        eq(moderationLog.sessionId, sessionId),
        eq(moderationLog.targetKey, actorKey),
        inArray(moderationLog.action, ['video:promote', 'video:demote']),
      ),
    )
    .orderBy(desc(moderationLog.createdAt))
    .limit(1);
  return row?.action === 'video:promote';
}

/**
 * Write a moderator's video action to the audit log; a removal also bans the person from the
 * session (video, chat and Q&A), in the same transaction. The target is a LiveKit identity,
 * which may predate the link of a registration to its account: both are written under the
 * person's key now (`personKey`), which is returned.
 */
export async function recordVideoModeration(entry: {
  sessionId: string;
  actorKey: string;
  action: VideoAction;
  targetKey: string | null;
  details?: Record<string, unknown>;
}): Promise<string | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const targetKey = entry.targetKey === null ? null : await personKey(tx, entry.targetKey, { lock: true });
    await tx.insert(moderationLog).values({
      sessionId: entry.sessionId,
      actorKey: entry.actorKey,
      action: `video:${entry.action}`,
      targetKey,
      details: entry.details ?? {},
    });
    if (entry.action === 'remove' && targetKey) {
      await tx.insert(roomSanctions).values({
        sessionId: entry.sessionId,
        targetKey,
        kind: 'ban',
        createdBy: entry.actorKey,
      });
    }
    return targetKey;
  });
}

/** The session's video audit log, newest first. */
export async function videoModerationLog(sessionId: string) {
  const db = await getDb();
  return db
    .select()
    .from(moderationLog)
    .where(eq(moderationLog.sessionId, sessionId))
    .orderBy(desc(moderationLog.createdAt));
}

async function sessionExists(sessionId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.id, sessionId)).limit(1);
  return Boolean(row);
}

/**
 * A person joined the session's room (LiveKit webhook), recorded under the person's key now (a
 * token minted before their registration was linked names the registration). A webhook delivered
 * twice records once.
 */
export async function recordJoin(j: { sessionId: string; actorKey: string; participantSid: string; at: Date }): Promise<boolean> {
  if (!(await sessionExists(j.sessionId))) return false;
  const db = await getDb();
  const rows = await db
    .insert(attendance)
    .values({ sessionId: j.sessionId, actorKey: await personKey(db, j.actorKey), participantSid: j.participantSid, joinedAt: j.at })
    .onConflictDoNothing({ target: attendance.participantSid })
    .returning({ id: attendance.id });
  return rows.length > 0;
}

/** A participant left (LiveKit webhook): the first leave time wins. */
export async function recordLeave(participantSid: string, at: Date): Promise<void> {
  const db = await getDb();
  await db
    .update(attendance)
    .set({ leftAt: at })
    .where(and(eq(attendance.participantSid, participantSid), isNull(attendance.leftAt)));
}

/**
 * The room's live state, shown on the programme: set when LiveKit starts the room, cleared when it
 * finishes (then whoever was still counted in has left at that time). A room that starts while
 * intervals joined before are still open follows a room that ended without saying so (LiveKit
 * restarted: docs/architecture.md, "Faults"): they end when the new room starts, and the people who
 * come back open new ones — no phantom presence, no interval counted twice.
 */
export async function setRoomLive(sessionId: string, since: Date | null): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(programmeSessions).set({ videoLiveSince: since }).where(eq(programmeSessions.id, sessionId));
    const open = and(eq(attendance.sessionId, sessionId), isNull(attendance.leftAt));
    if (!since) await tx.update(attendance).set({ leftAt: new Date() }).where(open);
    else await tx.update(attendance).set({ leftAt: since }).where(and(open, lt(attendance.joinedAt, since)));
  });
}

/** Join and leave times per person in a session's video room (attendance badges, statistics). */
export async function attendanceOf(sessionId: string) {
  const db = await getDb();
  return db
    .select({ actorKey: attendance.actorKey, participantSid: attendance.participantSid, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt })
    .from(attendance)
    .where(eq(attendance.sessionId, sessionId))
    .orderBy(attendance.joinedAt);
}

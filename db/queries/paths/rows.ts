import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/resources';
import type { Db, Tx } from '../../client';
import { grantsOf } from '../grants';
import { pathSessions, paths, programmeSessions } from '../../schema';

// Paths' rows, the rights of who acts on them, and their links to programme sessions.

type Q = Db | Tx;

/** The person acting on paths, as lib/domain/resources sees them: their grants (lib/policy decides). */
export async function actorOf(userId: string, tx?: Tx): Promise<Actor> {
  return { grants: await grantsOf(userId, {}, tx) };
}

/** The id of a path by slug, or undefined. */
export async function pathIdBySlug(q: Q, slug: string): Promise<string | undefined> {
  const [p] = await q.select({ id: paths.id }).from(paths).where(eq(paths.slug, slug)).limit(1);
  return p?.id;
}

export async function updatePathRow(tx: Tx, pathId: string, set: Partial<typeof paths.$inferInsert>): Promise<void> {
  await tx.update(paths).set(set).where(eq(paths.id, pathId));
}

/** A programme session's event, or undefined. */
export async function sessionEventOf(q: Q, sessionId: string): Promise<{ id: string; eventId: string } | undefined> {
  const [s] = await q.select({ id: programmeSessions.id, eventId: programmeSessions.eventId }).from(programmeSessions).where(eq(programmeSessions.id, sessionId));
  return s;
}

/** Link a session to a path; whether it was not linked yet. */
export async function linkPathSession(tx: Tx, pathId: string, sessionId: string, linkedBy: string): Promise<boolean> {
  const r = await tx.insert(pathSessions).values({ pathId, sessionId, linkedBy }).onConflictDoNothing().returning({ p: pathSessions.pathId });
  return r.length > 0;
}

/** Unlink a session from a path; whether it was linked. */
export async function unlinkPathSession(tx: Tx, pathId: string, sessionId: string): Promise<boolean> {
  const r = await tx
    .delete(pathSessions)
    .where(and(eq(pathSessions.pathId, pathId), eq(pathSessions.sessionId, sessionId)))
    .returning({ p: pathSessions.pathId });
  return r.length > 0;
}

/** The paths a session is linked to, by title. */
export async function pathsLinkedTo(q: Q, sessionId: string): Promise<{ id: string; slug: string; title: string }[]> {
  return q
    .select({ id: paths.id, slug: paths.slug, title: paths.title })
    .from(pathSessions)
    .innerJoin(paths, eq(paths.id, pathSessions.pathId))
    .where(eq(pathSessions.sessionId, sessionId))
    .orderBy(asc(paths.title));
}

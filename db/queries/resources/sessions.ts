import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { events, pathSessions, programmeSessions, type ResourceAuthor } from '../../schema';
import { appendToPath, freeSlug, insertResource, linkSessions, type ResourceRow } from './rows';
import { writeRevision } from './revisions';

// Resources about a session: what a meeting report needs of its session, and the draft itself.

type Q = Db | Tx;

/** A session as a report about it needs it (with its event), or undefined. */
export async function sessionForReport(q: Q, sessionId: string) {
  const [s] = await q
    .select({
      title: programmeSessions.title,
      startsAt: programmeSessions.startsAt,
      language: programmeSessions.language,
      eventTitle: events.title,
      eventId: programmeSessions.eventId,
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(programmeSessions.id, sessionId));
  return s;
}

/** The ids of the paths a session is linked to. */
export async function pathIdsOfSession(q: Q, sessionId: string): Promise<string[]> {
  const links = await q.select({ pathId: pathSessions.pathId }).from(pathSessions).where(eq(pathSessions.sessionId, sessionId));
  return links.map((l) => l.pathId);
}

/**
 * A draft resource about a session (a meeting report from its Q&A, a replay), on every path the
 * session is linked to, with the session linked and its first revision: in the caller's
 * transaction.
 */
export async function draftSessionResource(
  tx: Tx,
  d: {
    sessionId: string;
    session: { startsAt: Date; language: string };
    pathIds: string[];
    title: string;
    body: string;
    format: ResourceRow['format'];
    licence: string;
    mediaUrl?: string | null;
    /** Credited authors (a meeting report: the notes' writers). */
    authors?: ResourceAuthor[];
    actor: { userId: string | null; name: string };
    note: string;
    now?: Date;
  },
): Promise<{ id: string; slug: string }> {
  const now = d.now ?? new Date();
  const r = await insertResource(tx, {
    slug: await freeSlug(tx, d.title),
    title: d.title,
    summary: '',
    body: d.body,
    format: d.format,
    language: d.session.language,
    date: d.session.startsAt.toISOString().slice(0, 10),
    licence: d.licence,
    authors: d.authors ?? [],
    mediaUrl: d.mediaUrl ?? null,
    status: 'draft',
    createdBy: d.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  for (const pathId of d.pathIds) await appendToPath(tx, r.id, pathId);
  await linkSessions(tx, r.id, [d.sessionId]);
  await writeRevision(tx, r, 'created', d.actor, null, d.note);
  return { id: r.id, slug: r.slug };
}

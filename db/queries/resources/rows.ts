import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { firstFreeSlug, slugify } from '@/lib/domain/resources';
import type { Db, Tx } from '../../client';
import { paths, programmeSessions, resourcePaths, resourceSessions, resources } from '../../schema';

// Resource rows and their links to paths and sessions: the writes the use cases of
// server/paths/ combine in one transaction.

export type ResourceRow = typeof resources.$inferSelect;
type Q = Db | Tx;

/** The columns that name a resource in a list (the review queue, the feeds). */
export const resourceHead = { id: resources.id, slug: resources.slug, title: resources.title, summary: resources.summary };

/** The resource, locked for the rest of the transaction; undefined when there is none. */
export async function resourceForUpdate(tx: Tx, resourceId: string): Promise<ResourceRow | undefined> {
  const [r] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
  return r;
}

export async function insertResource(tx: Tx, values: typeof resources.$inferInsert): Promise<ResourceRow> {
  const [r] = await tx.insert(resources).values(values).returning();
  return r!;
}

export async function updateResourceRow(tx: Tx, resourceId: string, set: Partial<typeof resources.$inferInsert>): Promise<ResourceRow> {
  const [r] = await tx.update(resources).set(set).where(eq(resources.id, resourceId)).returning();
  return r!;
}

/** A slug not used yet: the title's, then -2, -3… */
export async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  const rows = await tx
    .select({ slug: resources.slug })
    .from(resources)
    .where(or(eq(resources.slug, base), sql`${resources.slug} like ${`${base}-%`}`));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

type PathRow = { id: string; slug: string; title: string; summary: string; updatedAt: Date; status: (typeof paths.$inferSelect)['status'] };

/** A path by slug (any status), or undefined. */
export async function pathBySlug(q: Q, slug: string): Promise<PathRow | undefined> {
  const [p] = await q
    .select({ id: paths.id, slug: paths.slug, title: paths.title, summary: paths.summary, updatedAt: paths.updatedAt, status: paths.status })
    .from(paths)
    .where(eq(paths.slug, slug));
  return p;
}

/** The ids of the paths a resource is on. */
export async function pathIdsOfResource(q: Q, resourceId: string): Promise<string[]> {
  const rows = await q.select({ pathId: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, resourceId));
  return rows.map((r) => r.pathId);
}

/** Whether the resource (by id) is on the path (by slug). */
export async function isOnPath(q: Q, pathSlug: string, resourceId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: resourcePaths.resourceId })
    .from(resourcePaths)
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(and(eq(paths.slug, pathSlug), eq(resourcePaths.resourceId, resourceId)));
  return Boolean(row);
}

/** The ids of the paths with these slugs (unknown slugs left out). */
export async function pathIdsBySlugs(q: Q, slugs: string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const rows = await q.select({ id: paths.id }).from(paths).where(inArray(paths.slug, slugs));
  return rows.map((r) => r.id);
}

/** The first of these paths (slug and title), for a mail naming one. */
export async function firstPathOf(q: Q, pathIds: string[]): Promise<{ slug: string; title: string } | null> {
  const [path] = await q.select({ slug: paths.slug, title: paths.title }).from(paths).where(inArray(paths.id, pathIds)).limit(1);
  return path ?? null;
}

/** Put a resource at the end of a path (also used by the seeder). */
export async function appendToPath(tx: Tx, resourceId: string, pathId: string): Promise<void> {
  await tx
    .insert(resourcePaths)
    .values({
      resourceId,
      pathId,
      position: sql`(select coalesce(max(position), -1) + 1 from ${resourcePaths} where path_id = ${pathId})`,
    })
    .onConflictDoNothing();
}

/** Take a resource off these paths. */
export async function removeFromPaths(tx: Tx, resourceId: string, pathIds: string[]): Promise<void> {
  await tx.delete(resourcePaths).where(and(eq(resourcePaths.resourceId, resourceId), inArray(resourcePaths.pathId, pathIds)));
}

/** How many of these session ids exist. */
export async function countSessions(q: Q, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const found = await q.select({ id: programmeSessions.id }).from(programmeSessions).where(inArray(programmeSessions.id, ids));
  return found.length;
}

/** Link sessions to a resource (links already there kept). */
export async function linkSessions(tx: Tx, resourceId: string, sessionIds: string[]): Promise<void> {
  if (sessionIds.length) await tx.insert(resourceSessions).values(sessionIds.map((sessionId) => ({ resourceId, sessionId }))).onConflictDoNothing();
}

/** The resource's sessions become exactly these. */
export async function replaceSessions(tx: Tx, resourceId: string, sessionIds: string[]): Promise<void> {
  await tx.delete(resourceSessions).where(eq(resourceSessions.resourceId, resourceId));
  await linkSessions(tx, resourceId, sessionIds);
}

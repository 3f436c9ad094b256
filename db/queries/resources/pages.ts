import { pick } from '../columns';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { events, paths, programmeSessions, resourcePaths, resourceSessions, resources } from '../../schema';
import { resourceHead, type ResourceRow } from './rows';

// What the resource pages and the review queue read.

type Q = Db | Tx;

export async function resourceBySlug(q: Q, slug: string): Promise<ResourceRow | undefined> {
  const [r] = await q.select().from(resources).where(eq(resources.slug, slug)).limit(1);
  return r;
}

export async function resourceSlugById(q: Q, resourceId: string): Promise<string | undefined> {
  const [r] = await q.select({ slug: resources.slug }).from(resources).where(eq(resources.id, resourceId)).limit(1);
  return r?.slug;
}

export async function resourceExists(q: Q, resourceId: string): Promise<boolean> {
  const [r] = await q.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId));
  return Boolean(r);
}

/** The paths a resource is on, by title. */
export async function pathsOfResource(q: Q, resourceId: string): Promise<{ id: string; slug: string; title: string }[]> {
  return q
    .select({ id: paths.id, slug: paths.slug, title: paths.title })
    .from(resourcePaths)
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(eq(resourcePaths.resourceId, resourceId))
    .orderBy(asc(paths.title));
}

/** The sessions a resource is about, with their events, by start. */
export async function sessionsOfResource(q: Q, resourceId: string) {
  return q
    .select({
      ...pick(programmeSessions, 'id', 'slug', 'title', 'startsAt'),
      event: pick(events, 'slug', 'title', 'timeZone'),
    })
    .from(resourceSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, resourceSessions.sessionId))
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(resourceSessions.resourceId, resourceId))
    .orderBy(asc(programmeSessions.startsAt));
}

export type QueueItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  format: ResourceRow['format'];
  language: string;
  proposerName: string | null;
  proposed: boolean;
  createdAt: Date;
  updatedAt: Date;
  paths: { slug: string; title: string }[];
};

/** Resources `in_review` on these paths (`'all'`: any path), oldest first; `pathSlug` narrows to one path. */
export async function inReview(q: Q, pathIds: string[] | 'all', pathSlug?: string): Promise<QueueItem[]> {
  const rows = await q
    .select({
      ...resourceHead,
      ...pick(resources, 'format', 'language', 'proposerName', 'proposed', 'createdAt', 'updatedAt'),
      pathSlug: paths.slug,
      pathTitle: paths.title,
      pathId: paths.id,
    })
    .from(resources)
    .innerJoin(resourcePaths, eq(resourcePaths.resourceId, resources.id))
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(
      and(
        eq(resources.status, 'in_review'),
        pathIds === 'all' ? undefined : inArray(resourcePaths.pathId, pathIds),
        pathSlug ? eq(paths.slug, pathSlug) : undefined,
      ),
    )
    .orderBy(asc(resources.updatedAt));
  const byId = new Map<string, QueueItem>();
  for (const { pathSlug: slug, pathTitle: title, pathId: _p, ...r } of rows) {
    const item = byId.get(r.id) ?? { ...r, paths: [] };
    item.paths.push({ slug, title });
    byId.set(r.id, item);
  }
  return [...byId.values()];
}

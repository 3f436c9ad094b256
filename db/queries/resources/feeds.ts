import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { paths, resourcePaths, resources } from '../../schema';
import { resourceHead, type ResourceRow } from './rows';

// What the Atom feeds read: the latest published resources, of a path or of the whole site.

type Q = Db | Tx;

type FeedEntry = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  format: ResourceRow['format'];
  licence: string;
  authors: ResourceRow['authors'];
  publishedAt: Date;
  updatedAt: Date;
  paths: { slug: string; title: string }[];
};

/** The latest `limit` published resources, newest first: on the path `pathId`, or on any (null). */
export async function publishedEntries(q: Q, pathId: string | null, limit: number): Promise<FeedEntry[]> {
  const rows = await q
    .select({
      ...resourceHead,
      body: resources.body,
      format: resources.format,
      licence: resources.licence,
      authors: resources.authors,
      publishedAt: resources.publishedAt,
      updatedAt: resources.updatedAt,
    })
    .from(resources)
    .where(
      and(
        eq(resources.status, 'published'),
        pathId ? sql`exists (select 1 from ${resourcePaths} rp where rp.resource_id = ${resources.id} and rp.path_id = ${pathId})` : undefined,
      ),
    )
    .orderBy(desc(resources.publishedAt), asc(resources.title))
    .limit(limit);
  const links = rows.length
    ? await q
        .select({ resourceId: resourcePaths.resourceId, slug: paths.slug, title: paths.title })
        .from(resourcePaths)
        .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
        .where(inArray(resourcePaths.resourceId, rows.map((r) => r.id)))
    : [];
  return rows.map((r) => ({
    ...r,
    publishedAt: r.publishedAt ?? r.updatedAt,
    paths: links.filter((l) => l.resourceId === r.id).map(({ resourceId: _r, ...l }) => l),
  }));
}

import { pick } from '../columns';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgendaSession, Coordinator, PathResourceItem } from '@/lib/domain/paths';
import type { Db, Tx } from '../../client';
import { events, organizations, pathCoordinators, pathOrganizations, pathSessions, paths, people, programmeSessions, resourcePaths, resourceSessions, resources } from '../../schema';

// What the path lists and the path page read: paths, their coordinators, resources and agenda.

type Q = Db | Tx;

/** Paths with their published-resource count, by title: the active ones, or all with `all`. */
export async function pathRows(q: Q, all: boolean) {
  return q
    .select({
      ...pick(paths, 'id', 'slug', 'title', 'summary', 'description', 'status', 'coverAttachmentId'),
      // Written out: inside a selected field Drizzle would print `${paths.id}` as a bare "id".
      resourceCount: sql<number>`(select count(*)::int from resource_paths rp join resources r on r.id = rp.resource_id
                                   where rp.path_id = paths.id and r.status = 'published')`,
    })
    .from(paths)
    .where(all ? undefined : eq(paths.status, 'active'))
    .orderBy(asc(paths.title));
}

/** A path's row by slug, or undefined. */
export async function pathRowBySlug(q: Q, slug: string) {
  const [p] = await q.select().from(paths).where(eq(paths.slug, slug)).limit(1);
  return p;
}

/** The coordinators (people, then organizations as such, in their order) of each path, by path id. */
export async function coordinatorsOf(q: Q, pathIds: string[]): Promise<Map<string, Coordinator[]>> {
  const [persons, orgs] = pathIds.length
    ? await Promise.all([
        q
          .select({
            pathId: pathCoordinators.pathId,
            name: people.name,
            key: people.key,
            organization: pathCoordinators.organization,
            position: pathCoordinators.position,
          })
          .from(pathCoordinators)
          .innerJoin(people, eq(people.id, pathCoordinators.personId))
          .where(inArray(pathCoordinators.pathId, pathIds)),
        q
          .select({ pathId: pathOrganizations.pathId, name: organizations.name, key: organizations.key, position: pathOrganizations.position })
          .from(pathOrganizations)
          .innerJoin(organizations, eq(organizations.id, pathOrganizations.organizationId))
          .where(inArray(pathOrganizations.pathId, pathIds)),
      ])
    : [[], []];
  const rows = [
    ...persons.map((r) => ({ ...r, kind: 'person' as const })),
    ...orgs.map((r) => ({ ...r, organization: null, kind: 'organization' as const })),
  ].sort((a, b) => a.position - b.position);
  const map = new Map<string, Coordinator[]>();
  for (const r of rows) {
    const list = map.get(r.pathId) ?? [];
    list.push({ name: r.name, organization: r.organization, kind: r.kind, key: r.key });
    map.set(r.pathId, list);
  }
  return map;
}

/** Sessions linked to the given paths, by start, with their published reports and replays. */
export async function agendaOf(q: Q, pathIds: string[]): Promise<(AgendaSession & { pathId: string })[]> {
  if (!pathIds.length) return [];
  const rows = await q
    .select({
      pathId: pathSessions.pathId,
      ...pick(programmeSessions, 'id', 'slug', 'title', 'startsAt', 'endsAt', 'status', 'visibility'),
      event: pick(events, 'slug', 'title', 'timeZone'),
    })
    .from(pathSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, pathSessions.sessionId))
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(inArray(pathSessions.pathId, pathIds))
    .orderBy(asc(programmeSessions.startsAt));
  const sessionIds = [...new Set(rows.map((r) => r.id))];
  const outputs = sessionIds.length
    ? await q
        .select({ sessionId: resourceSessions.sessionId, slug: resources.slug, title: resources.title, format: resources.format })
        .from(resourceSessions)
        .innerJoin(resources, eq(resources.id, resourceSessions.resourceId))
        .where(
          and(
            inArray(resourceSessions.sessionId, sessionIds),
            eq(resources.status, 'published'),
            inArray(resources.format, ['meeting_report', 'replay']),
          ),
        )
        .orderBy(asc(resources.publishedAt))
    : [];
  return rows.map(({ visibility: _v, ...r }) => ({
    ...r,
    outputs: outputs.filter((o) => o.sessionId === r.id).map(({ sessionId: _s, ...o }) => o),
  }));
}

/** The resources on a path in the coordinators' order: the published ones, or all with `all`. */
export async function resourcesOnPath(q: Q, pathId: string, all: boolean): Promise<PathResourceItem[]> {
  return q
    .select({
      ...pick(
        resources,
        'id', 'slug', 'title', 'summary', 'format', 'language', 'date', 'licence', 'authors', 'mediaUrl', 'status', 'publishedAt',
      ),
      position: resourcePaths.position,
    })
    .from(resourcePaths)
    .innerJoin(resources, eq(resources.id, resourcePaths.resourceId))
    .where(and(eq(resourcePaths.pathId, pathId), all ? undefined : eq(resources.status, 'published')))
    .orderBy(asc(resourcePaths.position), sql`${resources.publishedAt} desc nulls last`, asc(resources.title));
}

import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor, type ResourceFormat, canReview } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';
import { getDb, type Tx } from '../client';
import { grantsOf } from './grants';
import {
  events,
  organizations,
  pathCoordinators,
  pathOrganizations,
  pathSessions,
  pathSubscriptions,
  paths,
  people,
  programmeSessions,
  resourcePaths,
  resourceSessions,
  resources,
} from '../schema';

// Paths ("chemins de la coopération"): lists, the path page, coordinators' rights, the agenda
// (programme sessions linked to a path) and the digest subscriptions. Resources: ./resources.ts.

/** A person (for the organization named) or an organization coordinating as such; `key` leads to their public page. */
export type Coordinator = { name: string; organization: string | null; kind: 'person' | 'organization'; key?: string | null };

export type PathSummary = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  status: 'draft' | 'active' | 'archived';
  coverAttachmentId: string | null;
  coordinators: Coordinator[];
  /** Published resources. */
  resourceCount: number;
  /** The next linked session that has not ended (not cancelled), if any. */
  nextSession: AgendaSession | null;
};

export type AgendaSession = {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'tentative' | 'cancelled';
  event: { slug: string; title: string; timeZone: string };
  /** Published reports and replays of the session (shown once it is past). */
  outputs: { slug: string; title: string; format: ResourceFormat }[];
};

async function coordinatorsOf(pathIds: string[]): Promise<Map<string, Coordinator[]>> {
  const db = await getDb();
  const [persons, orgs] = pathIds.length
    ? await Promise.all([
        db
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
        db
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
async function agendaOf(pathIds: string[]): Promise<(AgendaSession & { pathId: string })[]> {
  if (!pathIds.length) return [];
  const db = await getDb();
  const rows = await db
    .select({
      pathId: pathSessions.pathId,
      id: programmeSessions.id,
      slug: programmeSessions.slug,
      title: programmeSessions.title,
      startsAt: programmeSessions.startsAt,
      endsAt: programmeSessions.endsAt,
      status: programmeSessions.status,
      visibility: programmeSessions.visibility,
      event: { slug: events.slug, title: events.title, timeZone: events.timeZone },
    })
    .from(pathSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, pathSessions.sessionId))
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(inArray(pathSessions.pathId, pathIds))
    .orderBy(asc(programmeSessions.startsAt));
  const sessionIds = [...new Set(rows.map((r) => r.id))];
  const outputs = sessionIds.length
    ? await db
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

/**
 * Paths with their coordinators, published-resource count and next linked session. By default
 * the active ones (the /paths page, `GET /api/paths`); `all` adds drafts and archived (admin views).
 */
export async function listPaths(opts: { all?: boolean; now?: Date } = {}): Promise<PathSummary[]> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const rows = await db
    .select({
      id: paths.id,
      slug: paths.slug,
      title: paths.title,
      summary: paths.summary,
      description: paths.description,
      status: paths.status,
      coverAttachmentId: paths.coverAttachmentId,
      // Written out: inside a selected field Drizzle would print `${paths.id}` as a bare "id".
      resourceCount: sql<number>`(select count(*)::int from resource_paths rp join resources r on r.id = rp.resource_id
                                   where rp.path_id = paths.id and r.status = 'published')`,
    })
    .from(paths)
    .where(opts.all ? undefined : eq(paths.status, 'active'))
    .orderBy(asc(paths.title));
  const ids = rows.map((r) => r.id);
  const [coords, agenda] = await Promise.all([coordinatorsOf(ids), agendaOf(ids)]);
  return rows.map((p) => ({
    ...p,
    coordinators: coords.get(p.id) ?? [],
    nextSession:
      agenda.find((s) => s.pathId === p.id && s.endsAt > now && s.status !== 'cancelled') ?? null,
  }));
}

export type PathResourceItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  format: ResourceFormat;
  language: string;
  date: string | null;
  licence: string;
  authors: { name: string; organization?: string | null; kind: 'person' | 'organization' }[];
  mediaUrl: string | null;
  status: 'draft' | 'in_review' | 'published' | 'archived' | 'declined';
  publishedAt: Date | null;
  position: number;
};

export type PathPage = Omit<PathSummary, 'nextSession'> & {
  language: string;
  updatedAt: Date;
  resources: PathResourceItem[];
  /** Formats and languages present among the published resources (filters to offer). */
  facets: { formats: ResourceFormat[]; languages: string[] };
  agenda: { upcoming: AgendaSession[]; past: AgendaSession[] };
  /** What the viewer may do here. */
  viewer: { canEdit: boolean; reviewQueueCount: number };
};

/**
 * The path page: the path, its coordinators, its published resources in the coordinators'
 * order (optionally filtered by format and language), and its agenda. A draft path is shown to
 * its coordinators, organizers and admins only. Null when unknown (or hidden from the viewer).
 * With `includeUnpublished` a viewer who may edit also gets drafts, reviews and archived ones.
 */
export async function getPathBySlug(
  slug: string,
  opts: { viewerId?: string | null; format?: ResourceFormat; language?: string; includeUnpublished?: boolean; now?: Date } = {},
): Promise<PathPage | null> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const [p] = await db.select().from(paths).where(eq(paths.slug, slug)).limit(1);
  if (!p) return null;
  const actor = opts.viewerId ? await actorOf(opts.viewerId) : null;
  const canEdit = actor ? canReview(actor, [p.id]) : false;
  if (p.status === 'draft' && !canEdit) return null;
  const all = canEdit && opts.includeUnpublished === true;
  const items = await db
    .select({
      id: resources.id,
      slug: resources.slug,
      title: resources.title,
      summary: resources.summary,
      format: resources.format,
      language: resources.language,
      date: resources.date,
      licence: resources.licence,
      authors: resources.authors,
      mediaUrl: resources.mediaUrl,
      status: resources.status,
      publishedAt: resources.publishedAt,
      position: resourcePaths.position,
    })
    .from(resourcePaths)
    .innerJoin(resources, eq(resources.id, resourcePaths.resourceId))
    .where(and(eq(resourcePaths.pathId, p.id), all ? undefined : eq(resources.status, 'published')))
    .orderBy(asc(resourcePaths.position), sql`${resources.publishedAt} desc nulls last`, asc(resources.title));
  const published = items.filter((r) => r.status === 'published');
  const [coords, agenda] = await Promise.all([coordinatorsOf([p.id]), agendaOf([p.id])]);
  const sessions = agenda.map(({ pathId: _p, ...s }) => s);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: p.status,
    coverAttachmentId: p.coverAttachmentId,
    language: p.language,
    updatedAt: p.updatedAt,
    coordinators: coords.get(p.id) ?? [],
    resourceCount: published.length,
    resources: items.filter((r) => (!opts.format || r.format === opts.format) && (!opts.language || r.language === opts.language)),
    facets: {
      formats: [...new Set(published.map((r) => r.format))],
      languages: [...new Set(published.map((r) => r.language))],
    },
    agenda: {
      upcoming: sessions.filter((s) => s.endsAt > now),
      past: sessions.filter((s) => s.endsAt <= now).reverse(),
    },
    viewer: { canEdit, reviewQueueCount: canEdit ? items.filter((r) => r.status === 'in_review').length : 0 },
  };
}

// ---------------------------------------------------------------- public contract

/** `GET /api/paths` (public contract). */
export async function publicPaths() {
  const list = await listPaths();
  return list.map((p) => ({
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    coordinators: p.coordinators.map((c) => ({ name: c.name, organization: c.organization })),
    resourceCount: p.resourceCount,
  }));
}

/** `GET /api/paths/{path}` (public contract): the path, its published resources and linked sessions; null when unknown. */
export async function publicPath(slug: string, baseUrl: string) {
  const p = await getPathBySlug(slug);
  if (!p || p.status === 'draft') return null;
  const session = (s: AgendaSession) => ({
    slug: s.slug,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    event: { slug: s.event.slug, title: s.event.title },
    url: `${baseUrl}/events/${s.event.slug}/sessions/${s.slug}`,
    outputs: s.outputs.map((o) => ({ ...o, url: `${baseUrl}/resources/${o.slug}` })),
  });
  return {
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: p.status,
    url: `${baseUrl}/paths/${p.slug}`,
    coordinators: p.coordinators,
    resourceCount: p.resourceCount,
    resources: p.resources.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      format: r.format,
      language: r.language,
      date: r.date,
      licence: r.licence,
      authors: r.authors,
      mediaUrl: r.mediaUrl,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      url: `${baseUrl}/resources/${r.slug}`,
    })),
    sessions: { upcoming: p.agenda.upcoming.map(session), past: p.agenda.past.map(session) },
  };
}

// ---------------------------------------------------------------- rights

/** The person acting on paths, as lib/domain/resources sees them: their grants (lib/policy decides). */
export async function actorOf(userId: string, tx?: Tx): Promise<Actor> {
  return { grants: await grantsOf(userId, {}, tx) };
}

/** The id of a path by slug, or a 404. */
export async function pathIdOf(slug: string, tx?: Tx): Promise<string> {
  const db = tx ?? (await getDb());
  const [p] = await db.select({ id: paths.id }).from(paths).where(eq(paths.slug, slug)).limit(1);
  if (!p) throw new DomainError(404, 'not_found', 'No such path.');
  return p.id;
}

export type PathUpdate = {
  title?: string;
  summary?: string;
  description?: string;
  status?: 'draft' | 'active' | 'archived';
  coverAttachmentId?: string | null;
};

/** Edit a path's presentation (`path.edit`: its coordinators, admins). */
export async function updatePath(actorId: string, slug: string, patch: PathUpdate): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const pathId = await pathIdOf(slug, tx);
    if (!may((await actorOf(actorId, tx)).grants, 'path.edit', { pathId })) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can edit it.');
    await tx.update(paths).set({ ...patch, updatedAt: new Date() }).where(eq(paths.id, pathId));
  });
}

// ---------------------------------------------------------------- agenda: sessions linked to paths

/**
 * Link (or unlink) a programme session to a path, from the programme editor: those who organize
 * the session's event (`event.manage`). Returns whether anything changed.
 */
export async function linkSessionToPath(actorId: string, pathSlug: string, sessionId: string, linked: boolean): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    const [s] = await tx
      .select({ id: programmeSessions.id, eventId: programmeSessions.eventId })
      .from(programmeSessions)
      .where(eq(programmeSessions.id, sessionId));
    if (!s) throw new DomainError(404, 'not_found', 'No such session.', { sessionId: 'unknown' });
    if (!may(await grantsOf(actorId, { eventId: s.eventId }, tx), 'event.manage', { eventId: s.eventId })) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can link its sessions to paths.');
    if (linked) {
      const r = await tx.insert(pathSessions).values({ pathId, sessionId, linkedBy: actorId }).onConflictDoNothing().returning({ p: pathSessions.pathId });
      return r.length > 0;
    }
    const r = await tx
      .delete(pathSessions)
      .where(and(eq(pathSessions.pathId, pathId), eq(pathSessions.sessionId, sessionId)))
      .returning({ p: pathSessions.pathId });
    return r.length > 0;
  });
}

/** The paths a session is linked to (programme editor, session page). */
export async function pathsOfSession(sessionId: string): Promise<{ id: string; slug: string; title: string }[]> {
  const db = await getDb();
  return db
    .select({ id: paths.id, slug: paths.slug, title: paths.title })
    .from(pathSessions)
    .innerJoin(paths, eq(paths.id, pathSessions.pathId))
    .where(eq(pathSessions.sessionId, sessionId))
    .orderBy(asc(paths.title));
}

// ---------------------------------------------------------------- digest subscriptions

/**
 * Subscribe an address to a path's digest (opt-in: the signed-in user's own address, or a
 * registrant's through their personal link). Subscribing again re-activates. Returns the
 * unsubscribe token.
 */
export async function subscribeToPath(
  pathSlug: string,
  who: { email: string; userId?: string | null; registrationId?: string | null; locale?: 'fr' | 'en' },
  now = new Date(),
): Promise<{ token: string }> {
  const db = await getDb();
  const pathId = await pathIdOf(pathSlug);
  const email = who.email.toLowerCase();
  const [row] = await db
    .insert(pathSubscriptions)
    .values({ pathId, email, userId: who.userId ?? null, registrationId: who.registrationId ?? null, locale: who.locale ?? 'fr', since: now })
    .onConflictDoUpdate({
      target: [pathSubscriptions.pathId, pathSubscriptions.email],
      set: {
        unsubscribedAt: null,
        locale: who.locale ?? 'fr',
        since: sql`case when ${pathSubscriptions.unsubscribedAt} is null then ${pathSubscriptions.since} else ${now.toISOString()}::timestamptz end`,
      },
    })
    .returning({ token: pathSubscriptions.token });
  return { token: row!.token };
}

/** One-click unsubscribe by token (List-Unsubscribe-Post). Returns the path's slug and title, or null for an unknown token. */
export async function unsubscribeByToken(token: string, now = new Date()): Promise<{ slug: string; title: string } | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [row] = await db
    .update(pathSubscriptions)
    .set({ unsubscribedAt: sql`coalesce(${pathSubscriptions.unsubscribedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(pathSubscriptions.token, token))
    .returning({ pathId: pathSubscriptions.pathId });
  if (!row) return null;
  const [p] = await db.select({ slug: paths.slug, title: paths.title }).from(paths).where(eq(paths.id, row.pathId));
  return p ?? null;
}

/** Whether `email` (or user) currently receives the path's digest (the follow button's state). */
export async function subscriptionOf(pathSlug: string, who: { email?: string | null; userId?: string | null }) {
  if (!who.email && !who.userId) return null;
  const db = await getDb();
  const [row] = await db
    .select({ token: pathSubscriptions.token, active: sql<boolean>`${pathSubscriptions.unsubscribedAt} is null` })
    .from(pathSubscriptions)
    .innerJoin(paths, eq(paths.id, pathSubscriptions.pathId))
    .where(
      and(
        eq(paths.slug, pathSlug),
        or(
          who.email ? eq(pathSubscriptions.email, who.email.toLowerCase()) : undefined,
          who.userId ? eq(pathSubscriptions.userId, who.userId) : undefined,
        ),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The path of an unsubscribe token (the confirmation page), or null. */
export async function subscriptionPathOfToken(token: string): Promise<{ slug: string; title: string } | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [p] = await db
    .select({ slug: paths.slug, title: paths.title })
    .from(pathSubscriptions)
    .innerJoin(paths, eq(paths.id, pathSubscriptions.pathId))
    .where(eq(pathSubscriptions.token, token));
  return p ?? null;
}

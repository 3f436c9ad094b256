import { uniqueBy } from '@/lib/lists';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';
import { type ContributedSession, identityKey } from '@/lib/domain/people';
import { type Db, getDb, type Tx } from '../client';
import {
  eventOrganizations,
  eventPeople,
  events,
  organizations,
  pathCoordinators,
  pathOrganizations,
  paths,
  people,
  personAffiliations,
  programmeSessions,
  resources,
  sessionOrganizations,
  sessionPeople,
} from '../schema';

// People and organizations (docs/people.md): their public pages, and merging two records of one
// person. A person is matched by `people.key`, never by display name.

/**
 * The person a printed name stands for (by its identity key, `identityKey`), made when unknown:
 * a spelling already known is that person. In the caller's transaction.
 */
export async function personOfName(tx: Tx, name: string, organization: string | null = null): Promise<string> {
  const key = identityKey(name);
  await tx.insert(people).values({ key, name, organization }).onConflictDoNothing();
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.key, key));
  return row!.id;
}

export type { ContributedSession };

export type PathLink = { slug: string; title: string; organization: string | null };
export type ResourceLink = { slug: string; title: string; path: string | null };

export type PersonPage = {
  key: string;
  name: string;
  bio: string;
  photoUrl: string | null;
  links: { label: string; url: string }[];
  affiliations: { key: string; name: string; title: string | null }[];
  sessions: ContributedSession[];
  paths: PathLink[];
  credits: { event: { slug: string; title: string }; role: string }[];
  resources: ResourceLink[];
};

export type OrganizationPage = {
  key: string;
  name: string;
  kind: string;
  url: string | null;
  description: string;
  people: { key: string | null; name: string; title: string | null }[];
  sessions: ContributedSession[];
  paths: PathLink[];
  events: { slug: string; title: string; role: string }[];
  resources: ResourceLink[];
};

const sessionColumns = {
  id: programmeSessions.id,
  slug: programmeSessions.slug,
  title: programmeSessions.title,
  kind: programmeSessions.kind,
  format: programmeSessions.format,
  startsAt: programmeSessions.startsAt,
  endsAt: programmeSessions.endsAt,
  status: programmeSessions.status,
  eventSlug: events.slug,
  eventTitle: events.title,
  timeZone: events.timeZone,
};

type SessionRow = { [K in keyof typeof sessionColumns]: unknown } & Pick<ContributedSession, 'slug' | 'title' | 'kind' | 'format' | 'startsAt' | 'endsAt' | 'status'> & {
  id: string;
  eventSlug: string;
  eventTitle: string;
  timeZone: string;
};

/** Sessions across events, newest event first, by start; one line per session and role. */
function toSessions(rows: (SessionRow & { role: string; organization: string | null })[]): ContributedSession[] {
  return uniqueBy(rows, (r) => `${r.id}:${r.role}`)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((r) => ({
      slug: r.slug,
      title: r.title,
      kind: r.kind,
      format: r.format,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      role: r.role,
      organization: r.organization,
      event: { slug: r.eventSlug, title: r.eventTitle, timeZone: r.timeZone },
    }));
}

/** Published resources whose authors name this person or organization (resources keep their authors as printed). */
async function resourcesAuthoredBy(db: Db, names: string[], kind: 'person' | 'organization'): Promise<ResourceLink[]> {
  if (!names.length) return [];
  const rows = await db
    .select({ slug: resources.slug, title: resources.title })
    .from(resources)
    .where(
      and(
        eq(resources.status, 'published'),
        or(...names.map((name) => sql`${resources.authors} @> ${JSON.stringify([{ name, kind }])}::jsonb`)),
      ),
    )
    .orderBy(asc(resources.title));
  return rows.map((r) => ({ ...r, path: null }));
}

/** A person's public page (speaker page), or null. */
export async function getPerson(key: string): Promise<PersonPage | null> {
  const db = await getDb();
  const [p] = await db.select().from(people).where(eq(people.key, key)).limit(1);
  if (!p) return null;
  const [affiliations, sessionRows, pathRows, creditRows] = await Promise.all([
    db
      .select({ key: organizations.key, name: organizations.name, title: personAffiliations.title })
      .from(personAffiliations)
      .innerJoin(organizations, eq(organizations.id, personAffiliations.organizationId))
      .where(eq(personAffiliations.personId, p.id))
      .orderBy(asc(personAffiliations.position), asc(organizations.name)),
    db
      .select({ ...sessionColumns, role: sessionPeople.role, organization: sessionPeople.organization })
      .from(sessionPeople)
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(and(eq(sessionPeople.personId, p.id), eq(programmeSessions.draft, false))),
    db
      .select({ slug: paths.slug, title: paths.title, organization: pathCoordinators.organization })
      .from(pathCoordinators)
      .innerJoin(paths, eq(paths.id, pathCoordinators.pathId))
      .where(and(eq(pathCoordinators.personId, p.id), eq(paths.status, 'active')))
      .orderBy(asc(paths.title)),
    db
      .select({ slug: events.slug, title: events.title, role: eventPeople.role })
      .from(eventPeople)
      .innerJoin(events, eq(events.id, eventPeople.eventId))
      .where(eq(eventPeople.personId, p.id)),
  ]);
  return {
    key: p.key ?? key,
    name: p.name,
    bio: p.bio,
    photoUrl: p.photoUrl,
    links: p.links,
    affiliations,
    sessions: toSessions(sessionRows as never),
    paths: pathRows,
    credits: creditRows.map((c) => ({ event: { slug: c.slug, title: c.title }, role: c.role })),
    resources: await resourcesAuthoredBy(db, [p.name], 'person'),
  };
}

/** An organization's public page, or null. */
export async function getOrganization(key: string): Promise<OrganizationPage | null> {
  const db = await getDb();
  const [o] = await db.select().from(organizations).where(eq(organizations.key, key)).limit(1);
  if (!o) return null;
  const [members, asContributor, onBehalf, programme, pathRows, onBehalfPaths, eventRows] = await Promise.all([
    db
      .select({ key: people.key, name: people.name, title: personAffiliations.title })
      .from(personAffiliations)
      .innerJoin(people, eq(people.id, personAffiliations.personId))
      .where(eq(personAffiliations.organizationId, o.id))
      .orderBy(asc(people.name)),
    db
      .select({ ...sessionColumns, role: sessionOrganizations.role, organization: sql<null>`null` })
      .from(sessionOrganizations)
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionOrganizations.sessionId))
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(eq(sessionOrganizations.organizationId, o.id)),
    db
      .select({ ...sessionColumns, role: sessionPeople.role, organization: people.name })
      .from(sessionPeople)
      .innerJoin(people, eq(people.id, sessionPeople.personId))
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(eq(sessionPeople.organizationId, o.id)),
    db
      .select({ ...sessionColumns, role: sql<string>`'programme'`, organization: sql<null>`null` })
      .from(programmeSessions)
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(eq(programmeSessions.programmeOrganizationId, o.id)),
    db
      .select({ slug: paths.slug, title: paths.title, organization: sql<string | null>`null` })
      .from(pathOrganizations)
      .innerJoin(paths, eq(paths.id, pathOrganizations.pathId))
      .where(and(eq(pathOrganizations.organizationId, o.id), eq(paths.status, 'active'))),
    db
      .select({ slug: paths.slug, title: paths.title, organization: people.name })
      .from(pathCoordinators)
      .innerJoin(paths, eq(paths.id, pathCoordinators.pathId))
      .innerJoin(people, eq(people.id, pathCoordinators.personId))
      .where(and(eq(pathCoordinators.organizationId, o.id), eq(paths.status, 'active'))),
    db
      .select({ slug: events.slug, title: events.title, role: eventOrganizations.role })
      .from(eventOrganizations)
      .innerJoin(events, eq(events.id, eventOrganizations.eventId))
      .where(eq(eventOrganizations.organizationId, o.id))
      .orderBy(asc(events.startsAt)),
  ]);
  return {
    key: o.key,
    name: o.name,
    kind: o.kind,
    url: o.url,
    description: o.description,
    people: members,
    // For a session where one of its people spoke for it, `organization` carries that person's name.
    sessions: toSessions([...asContributor, ...onBehalf, ...programme] as never),
    paths: [...pathRows, ...onBehalfPaths],
    events: eventRows,
    resources: await resourcesAuthoredBy(db, [o.name], 'organization'),
  };
}

/**
 * Every table that points at a person, each folded by `mergePeople`. A test compares this with
 * the database's foreign keys to `people`: a new table pointing at people must be added here.
 */
export const PERSON_REFERENCES = ['session_people', 'path_coordinators', 'event_people', 'person_affiliations'] as const;

/**
 * Merge the person `from` into the person `into` (two records of one person), in one transaction:
 * their sessions (with roles and printed organizations), path coordination, event credits and
 * affiliations move to `into` (a link both already had is kept once), the user link moves when
 * `into` has none, a missing bio or photo is taken over, then `from` is deleted. Refused when both
 * are linked to different accounts (two people, or a case for the identity merge of accounts).
 */
export async function mergePeople(db: Db, input: { from: string; into: string }): Promise<{ key: string; name: string; moved: number }> {
  if (input.from === input.into) throw new DomainError(400, 'invalid', 'Choose two different people.', { from: 'same_person' });
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(people)
      .where(inArray(people.key, [input.from, input.into]))
      .for('update');
    const from = rows.find((r) => r.key === input.from);
    const into = rows.find((r) => r.key === input.into);
    if (!from || !into) throw new DomainError(404, 'not_found', 'No such person.');
    if (from.userId && into.userId && from.userId !== into.userId) {
      throw new DomainError(409, 'two_accounts', 'Both records are linked to different accounts.');
    }
    let moved = 0;
    const count = (r: unknown) => (Array.isArray(r) ? r.length : ((r as { rows?: unknown[] }).rows?.length ?? 0));
    moved += count(
      await tx.execute(sql`
        insert into session_people (session_id, person_id, role, position, organization, organization_id)
        select session_id, ${into.id}, role, position, organization, organization_id from session_people where person_id = ${from.id}
        on conflict do nothing returning 1`),
    );
    moved += count(
      await tx.execute(sql`
        insert into path_coordinators (path_id, person_id, position, organization, kind, organization_id)
        select path_id, ${into.id}, position, organization, kind, organization_id from path_coordinators where person_id = ${from.id}
        on conflict do nothing returning 1`),
    );
    moved += count(
      await tx.execute(sql`
        insert into event_people (event_id, person_id, role, position)
        select event_id, ${into.id}, role, position from event_people where person_id = ${from.id}
        on conflict do nothing returning 1`),
    );
    await tx.execute(sql`
      insert into person_affiliations (person_id, organization_id, title, position)
      select ${into.id}, organization_id, title, position from person_affiliations where person_id = ${from.id}
      on conflict do nothing`);
    // `from` goes (its links cascade): the user link and profile fields move first.
    await tx.delete(people).where(eq(people.id, from.id));
    const [merged] = await tx
      .update(people)
      .set({
        userId: into.userId ?? from.userId,
        bio: into.bio || from.bio,
        photoUrl: into.photoUrl ?? from.photoUrl,
        organization: into.organization ?? from.organization,
        links: [...into.links, ...from.links.filter((l) => !into.links.some((m) => m.url === l.url))],
      })
      .where(eq(people.id, into.id))
      .returning({ key: people.key, name: people.name });
    return { key: merged!.key!, name: merged!.name, moved };
  });
}

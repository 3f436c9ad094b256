import { and, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { zonedInstant } from '@/lib/domain/time';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client';
import {
  achievements,
  badgeAwards,
  eventDays,
  eventOrganizations,
  eventPeople,
  eventQuestions,
  events,
  invitationCodes,
  organizations,
  pathCoordinators,
  pathOrganizations,
  personAffiliations,
  pathSessions,
  paths,
  people,
  programmeSessions,
  resources,
  resourceSessions,
  roleGrants,
  rooms,
  sessionOrganizations,
  sessionPeople,
  tracks,
  users,
} from '../schema';
import { identityKey } from '@/lib/domain/people';
import { DEMO_ACCOUNTS, DEMO_EVENT_SLUG, DEMO_SPEAKER, demoEdition } from './data/demo';
import { seedDemoCall, seedForum2018Call } from './data/calls';
import { forum2018 } from './data/forum-2018';
import { forum2020 } from './data/forum-2020';
import { DEMO_PATH_ACCOUNTS, PATH_SESSIONS, pathResources } from './data/path-resources';
import { nec2018 } from './data/nec-2018';
import { ORG_ALIASES, ORGANIZATIONS } from './data/organizations';
import { PEOPLE, PERSON_ALIASES } from './data/people';
import { paths as seedPaths } from './data/paths';
import type { SeedEvent, SeedPath, SeedPersonRef, SeedResource } from './types';
import { appendToPath } from '../queries/resources/rows';
import { writeRevision } from '../queries/resources/revisions';
import { seedDemoReplay } from './replays';
import { seedDemoAttendance } from './attendance';
import { endorseAchievement } from '@/server/badges/endorse-achievement';
import { ensureEventIssuer } from '@/server/badges/ensure-event-issuer';
import { ensurePlatformIssuer } from '@/server/badges/ensure-platform-issuer';
import { issueAwards } from '@/server/badges/issue-awards';
import { normalEmail } from '@/lib/domain/badges';
import { DEMO_BADGES, DEMO_ENDORSEMENT, DEMO_REQUEST_ACHIEVEMENT } from './data/badges';
import { achievementImage } from '@/lib/badges/image';

export const HISTORICAL_EVENTS: SeedEvent[] = [forum2018, nec2018, forum2020];

const ORG_BY_KEY = new Map(ORGANIZATIONS.map((o) => [o.key, o]));
const PERSON_BY_KEY = new Map(PEOPLE.map((p) => [p.key, p]));

/** The key of a known organization for a printed name, or undefined (the text is then kept as printed only). */
export function organizationKeyOf(printed: string | undefined): string | undefined {
  if (!printed) return undefined;
  const k = identityKey(printed);
  const key = ORG_ALIASES[k] ?? k;
  return ORG_BY_KEY.has(key) ? key : undefined;
}

/** A person's identity for a printed name: the slug of the name, or the key it is an alias of. */
export function personKeyOf(printed: string): string {
  const k = identityKey(printed);
  return PERSON_ALIASES[k] ?? k;
}

/** Insert a row or refresh it by its natural key (`target`: a unique column or columns), and give its id. */
async function upsertId<T extends PgTable & { id: PgColumn }>(
  tx: Tx,
  table: T,
  target: PgColumn | PgColumn[],
  values: PgInsertValue<T>,
): Promise<string> {
  const [row] = await tx.insert(table).values(values).onConflictDoUpdate({ target, set: values }).returning({ id: table.id });
  return row!.id as string;
}

/** The id of a known organization (./data/organizations.ts), written or refreshed from the registry. */
async function organizationId(tx: Tx, key: string): Promise<string> {
  const o = ORG_BY_KEY.get(key);
  if (!o) throw new Error(`Seed: unknown organization ${key} (add it to db/seed/data/organizations.ts)`);
  const values = { key: o.key, name: o.name, kind: o.kind, url: o.url ?? null, description: o.description ?? '' };
  return upsertId(tx, organizations, organizations.key, values);
}

/**
 * The id of the person a printed name stands for, matched by identity (key), never by display
 * name: "Hervé Groleas" and "Hervé Groléas", "JF Marchandise" and "Jacques-François Marchandise"
 * are one row. The name shown is the registry's (./data/people.ts) or the first one printed.
 */
async function personId(tx: Tx, printedName: string, organization?: string): Promise<string> {
  const key = personKeyOf(printedName);
  const known = PERSON_BY_KEY.get(key);
  const values = { key, name: known?.name ?? printedName, organization: organization ?? null, bio: known?.bio ?? '' };
  const [row] = known
    ? await tx
        .insert(people)
        .values(values)
        .onConflictDoUpdate({ target: people.key, set: { name: values.name, bio: values.bio } })
        .returning({ id: people.id })
    : await tx.insert(people).values(values).onConflictDoNothing({ target: people.key }).returning({ id: people.id });
  const id = row?.id ?? (await tx.select({ id: people.id }).from(people).where(eq(people.key, key)))[0]!.id;
  let position = 0;
  for (const a of known?.affiliations ?? []) {
    await tx
      .insert(personAffiliations)
      .values({ personId: id, organizationId: await organizationId(tx, a.org), title: a.title ?? null, position: position++ })
      .onConflictDoNothing();
  }
  return id;
}

/** A contributor's person and, when their printed organization is a known one, that organization (also recorded as an affiliation). */
async function contributor(tx: Tx, p: Pick<SeedPersonRef, 'name' | 'organization' | 'org'>): Promise<{ personId: string; organizationId: string | null }> {
  const pid = await personId(tx, p.name, p.organization);
  const orgKey = p.org ?? organizationKeyOf(p.organization);
  if (!orgKey) return { personId: pid, organizationId: null };
  const oid = await organizationId(tx, orgKey);
  await tx.insert(personAffiliations).values({ personId: pid, organizationId: oid, position: 100 }).onConflictDoNothing();
  return { personId: pid, organizationId: oid };
}

/** Insert or update one event and its programme, keyed by slugs: running it twice changes nothing. */
export async function upsertEvent(tx: Tx, e: SeedEvent, opts: { isDemo?: boolean } = {}): Promise<string> {
  const timed = e.sessions.map((s) => ({
    ...s,
    startsAt: zonedInstant(s.day, s.start, e.timeZone),
    endsAt: zonedInstant(s.endDay ?? s.day, s.end, e.timeZone),
  }));
  for (const s of timed) {
    if (s.endsAt <= s.startsAt) throw new Error(`Seed session ${e.slug}/${s.slug} ends before it starts`);
  }
  const firstDay = e.days[0]?.date ?? timed[0]!.day;
  const lastDay = e.days.at(-1)?.date ?? firstDay;
  const startsAt = new Date(
    Math.min(zonedInstant(firstDay, '00:00', e.timeZone).getTime(), ...timed.map((s) => s.startsAt.getTime())),
  );
  const endsAt = new Date(
    Math.max(zonedInstant(lastDay, '23:59', e.timeZone).getTime(), ...timed.map((s) => s.endsAt.getTime())),
  );
  const eventValues = {
    slug: e.slug,
    title: e.title,
    description: e.description,
    timeZone: e.timeZone,
    location: e.location ?? null,
    startsAt,
    endsAt,
    isDemo: opts.isDemo ?? false,
  };
  const eventId = await upsertId(tx, events, events.slug, eventValues);

  if (e.days.length) {
    await tx
      .insert(eventDays)
      .values(e.days.map((d) => ({ eventId, date: d.date, label: d.label ?? null })))
      .onConflictDoUpdate({
        target: [eventDays.eventId, eventDays.date],
        set: { label: sql`excluded.label` },
      });
    await tx.delete(eventDays).where(
      and(
        eq(eventDays.eventId, eventId),
        notInArray(
          eventDays.date,
          e.days.map((d) => d.date),
        ),
      ),
    );
  }
  const roomIds = new Map<string, string>();
  for (const r of e.rooms) {
    const values = { eventId, key: r.key, name: r.name, kind: r.kind, capacity: r.capacity ?? null };
    roomIds.set(r.key, await upsertId(tx, rooms, [rooms.eventId, rooms.key], values));
  }
  const trackIds = new Map<string, string>();
  for (const t of e.tracks) {
    const values = { eventId, key: t.key, name: t.name, description: t.description ?? null };
    trackIds.set(t.key, await upsertId(tx, tracks, [tracks.eventId, tracks.key], values));
  }
  for (const s of timed) {
    if (s.room && !roomIds.has(s.room)) throw new Error(`Seed session ${e.slug}/${s.slug}: unknown room ${s.room}`);
    if (s.track && !trackIds.has(s.track)) throw new Error(`Seed session ${e.slug}/${s.slug}: unknown track ${s.track}`);
    const values = {
      eventId,
      slug: s.slug,
      title: s.title,
      description: s.description ?? '',
      kind: s.kind,
      status: s.status ?? 'confirmed',
      visibility: s.visibility ?? 'public',
      mode: s.mode ?? 'onsite',
      capacity: s.capacity ?? null,
      capacityOnline: s.capacityOnline ?? null,
      language: s.language ?? 'fr',
      recordingAnnounced: s.recordingAnnounced ?? false,
      diffusionAbove: s.diffusionAbove ?? null,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      roomId: s.room ? roomIds.get(s.room)! : null,
      trackId: s.track ? trackIds.get(s.track)! : null,
      format: s.format ?? null,
      programmeOrganizationId: s.programme ? await organizationId(tx, s.programme) : null,
      scheduleNote: s.timeNote ?? null,
    };
    const sessionId = await upsertId(tx, programmeSessions, [programmeSessions.eventId, programmeSessions.slug], values);
    await tx.delete(sessionPeople).where(eq(sessionPeople.sessionId, sessionId));
    await tx.delete(sessionOrganizations).where(eq(sessionOrganizations.sessionId, sessionId));
    const seen = new Set<string>();
    let position = 0;
    for (const p of s.people ?? []) {
      const c = await contributor(tx, p);
      const key = `${c.personId}:${p.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await tx.insert(sessionPeople).values({
        sessionId,
        personId: c.personId,
        role: p.role,
        position: position++,
        organization: p.organization ?? null,
        organizationId: c.organizationId,
      });
    }
    for (const o of s.organizations ?? []) {
      await tx
        .insert(sessionOrganizations)
        .values({ sessionId, organizationId: await organizationId(tx, o.org), role: o.role, position: position++ })
        .onConflictDoNothing();
    }
  }
  await tx.delete(eventOrganizations).where(eq(eventOrganizations.eventId, eventId));
  let orgPosition = 0;
  for (const o of e.organizations ?? []) {
    await tx.insert(eventOrganizations).values({ eventId, organizationId: await organizationId(tx, o.org), role: o.role, position: orgPosition++ });
  }
  await tx.delete(eventPeople).where(eq(eventPeople.eventId, eventId));
  for (const p of e.people ?? []) {
    await tx.insert(eventPeople).values({ eventId, personId: await personId(tx, p.name), role: p.role, position: orgPosition++ });
  }
  for (const c of e.invitationCodes ?? []) {
    const sessionId = c.session ? (await sessionIdOf(tx, e.slug, c.session)) : null;
    await tx.insert(invitationCodes).values({ eventId, sessionId, code: c.code }).onConflictDoNothing({ target: invitationCodes.code });
  }
  let position = 0;
  for (const q of e.questions ?? []) {
    const values = { eventId, key: q.key, label: q.label, kind: q.kind, options: q.options ?? [], required: q.required ?? false, position: position++ };
    await tx.insert(eventQuestions).values(values).onConflictDoUpdate({ target: [eventQuestions.eventId, eventQuestions.key], set: values });
  }
  return eventId;
}

export async function upsertPath(tx: Tx, p: SeedPath): Promise<string> {
  const values = { slug: p.slug, title: p.title, summary: p.summary ?? '', description: p.description };
  const pathId = await upsertId(tx, paths, paths.slug, values);
  await tx.delete(pathCoordinators).where(eq(pathCoordinators.pathId, pathId));
  await tx.delete(pathOrganizations).where(eq(pathOrganizations.pathId, pathId));
  let position = 0;
  for (const c of p.coordinators) {
    if (c.kind === 'organization') {
      const oid = await organizationId(tx, c.org ?? organizationKeyOf(c.name) ?? identityKey(c.name));
      await tx.insert(pathOrganizations).values({ pathId, organizationId: oid, position: position++ }).onConflictDoNothing();
      continue;
    }
    const who = await contributor(tx, c);
    await tx
      .insert(pathCoordinators)
      .values({ pathId, personId: who.personId, position: position++, organization: c.organization ?? null, organizationId: who.organizationId, kind: 'person' })
      .onConflictDoNothing();
  }
  return pathId;
}

async function sessionIdOf(tx: Tx, eventSlug: string, sessionSlug: string): Promise<string> {
  const [s] = await tx
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(and(eq(events.slug, eventSlug), eq(programmeSessions.slug, sessionSlug)));
  if (!s) throw new Error(`Seed: unknown session ${eventSlug}/${sessionSlug}`);
  return s.id;
}

/**
 * The paths' demo resources (published, and one proposal waiting for review), their sessions,
 * the sessions linked to paths, and a demo coordinator. Resources are keyed by slug and never
 * overwritten: coordinators' edits stay.
 */
export async function seedPathResources(tx: Tx, list: SeedResource[] = pathResources): Promise<void> {
  const pathIds = new Map((await tx.select({ id: paths.id, slug: paths.slug }).from(paths)).map((p) => [p.slug, p.id]));
  for (const r of list) {
    const pathId = pathIds.get(r.path);
    if (!pathId) throw new Error(`Seed resource ${r.slug}: unknown path ${r.path}`);
    const when = new Date(`${r.date ?? '2020-07-08'}T12:00:00Z`);
    const [row] = await tx
      .insert(resources)
      .values({
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        body: r.body,
        format: r.format,
        language: r.language ?? 'fr',
        date: r.date ?? null,
        licence: r.licence,
        authors: r.authors,
        mediaUrl: r.mediaUrl ?? null,
        status: r.proposal ? 'in_review' : 'published',
        publishedAt: r.proposal ? null : when,
        proposed: Boolean(r.proposal),
        proposerName: r.proposal?.name ?? null,
        proposerEmail: r.proposal?.email ?? null,
        createdAt: when,
        updatedAt: when,
      })
      .onConflictDoNothing({ target: resources.slug })
      .returning();
    if (!row) continue;
    await appendToPath(tx, row.id, pathId);
    for (const s of r.sessions ?? []) {
      await tx.insert(resourceSessions).values({ resourceId: row.id, sessionId: await sessionIdOf(tx, s.event, s.slug) }).onConflictDoNothing();
    }
    await writeRevision(tx, row, r.proposal ? 'proposed' : 'published', { userId: null, name: r.proposal?.name ?? 'Chemins (démo)' }, null);
  }
  for (const link of PATH_SESSIONS) {
    const pathId = pathIds.get(link.path);
    if (!pathId) throw new Error(`Seed path session: unknown path ${link.path}`);
    await tx.insert(pathSessions).values({ pathId, sessionId: await sessionIdOf(tx, link.event, link.session) }).onConflictDoNothing();
  }
  for (const a of DEMO_PATH_ACCOUNTS) {
    await tx.insert(users).values({ email: a.email, name: a.name }).onConflictDoNothing({ target: users.email });
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.email));
    if (a.coordinates) {
      await tx.insert(roleGrants).values({ userId: u!.id, role: 'coordinator', pathId: pathIds.get(a.coordinates)! }).onConflictDoNothing();
    }
  }
}

async function upsertDemoAccounts(tx: Tx, demoEventId: string): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    await tx.insert(users).values({ email: a.email, name: a.name }).onConflictDoNothing({ target: users.email });
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.email));
    const userId = u!.id;
    // Grants of earlier demo data that reached the whole edition (a moderator of every session).
    await tx.delete(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.eventId, demoEventId), isNull(roleGrants.sessionId), ne(roleGrants.role, 'organizer')));
    if (a.grant?.role === 'organizer') await tx.insert(roleGrants).values({ userId, role: 'organizer', eventId: demoEventId }).onConflictDoNothing();
    if (a.grant && a.grant.role !== 'organizer') {
      const lang = a.grant.role === 'interpreter' ? a.grant.lang : null;
      for (const slug of a.grant.sessions) {
        const sessionId = await sessionIdOf(tx, DEMO_EVENT_SLUG, slug);
        await tx.insert(roleGrants).values({ userId, role: a.grant.role, eventId: demoEventId, sessionId, lang }).onConflictDoNothing();
      }
    }
  }
  // The demo speaker speaks where the programme names her (session_people), through her account.
  const [speaker] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_SPEAKER.email));
  await tx.update(people).set({ userId: speaker!.id }).where(eq(people.key, personKeyOf(DEMO_SPEAKER.name)));
}

/**
 * Demo badges (db/seed/data/badges.ts), for the demo event's issuer and the platform's. Each is
 * written once (keyed by achievement and recipient): a badge a person declined or hid since stays so.
 */
export async function seedBadges(tx: Tx, demoEventId: string): Promise<void> {
  const eventIssuer = await ensureEventIssuer(demoEventId, tx);
  const platform = await ensurePlatformIssuer(tx);
  const [request] = await tx
    .select({ id: achievements.id })
    .from(achievements)
    .where(and(eq(achievements.issuerId, eventIssuer.id), eq(achievements.kind, 'request'), eq(achievements.name, DEMO_REQUEST_ACHIEVEMENT.name)));
  if (!request) {
    await tx.insert(achievements).values({ ...DEMO_REQUEST_ACHIEVEMENT, issuerId: eventIssuer.id, kind: 'request', image: achievementImage('request', DEMO_REQUEST_ACHIEVEMENT.name) });
  }
  const list = await tx.select().from(achievements).where(sql`${achievements.issuerId} in (${eventIssuer.id}, ${platform.id})`);
  const of = (kind: string) => list.find((a) => a.kind === kind && (kind !== 'request' || a.name === DEMO_REQUEST_ACHIEVEMENT.name))!;
  for (const b of DEMO_BADGES) {
    await tx.insert(users).values({ email: b.email, name: b.name }).onConflictDoNothing({ target: users.email });
    const a = of(b.kind);
    const email = normalEmail(b.email);
    const [existing] = await tx.select({ id: badgeAwards.id }).from(badgeAwards).where(and(eq(badgeAwards.achievementId, a.id), eq(badgeAwards.recipientEmail, email)));
    if (existing) continue;
    if (b.state === 'requested') {
      await tx.insert(badgeAwards).values({ achievementId: a.id, issuerId: a.issuerId, recipientEmail: email, recipientName: b.name, status: 'requested', evidence: b.evidence ?? null });
      continue;
    }
    await issueAwards(a, [{ email, name: b.name, evidence: b.evidence }], tx);
    if (b.state === 'offered') continue;
    await tx
      .update(badgeAwards)
      .set({ status: 'accepted', acceptedAt: new Date(), isPublic: b.state === 'public', ...(b.state === 'revoked' ? { revokedAt: new Date() } : {}) })
      .where(and(eq(badgeAwards.achievementId, a.id), eq(badgeAwards.recipientEmail, email)));
  }
  const e = DEMO_ENDORSEMENT;
  await endorseAchievement({ email: e.email, name: e.name }, { achievementId: of(e.kind).id, comment: e.comment }, tx);
}

/**
 * Demo data. The historical programmes and paths are written when the database has no event
 * yet (or always with `force`), so that organizers' later edits are never overwritten; the demo
 * edition is re-dated at every call so that one of its sessions is live now.
 */
export async function seed(
  db: Db,
  opts: { now?: Date; force?: boolean } = {},
): Promise<{ historical: boolean; demoEventId: string }> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders (several app processes starting on one Postgres).
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(sql`${events.slug} <> ${DEMO_EVENT_SLUG}`)) as [{ n: number }];
    const historical = opts.force === true || n === 0;
    // A historical event added to the demo data later (Numérique en Commun[s] 2018) is written
    // into a database seeded before it; the ones already there are left to their organizers.
    const present = new Set((await tx.select({ slug: events.slug }).from(events)).map((e) => e.slug));
    for (const e of HISTORICAL_EVENTS) if (historical || !present.has(e.slug)) await upsertEvent(tx, e);
    if (historical) {
      for (const p of seedPaths) await upsertPath(tx, p);
    }
    const demoEventId = await upsertEvent(tx, demoEdition(now), { isDemo: true });
    await upsertDemoAccounts(tx, demoEventId);
    await seedDemoReplay(tx, demoEventId);
    await seedDemoAttendance(tx, demoEventId, now);
    if (historical) await seedPathResources(tx);
    if (historical) await seedForum2018Call(tx);
    await seedDemoCall(tx, demoEventId, now);
    await seedBadges(tx, demoEventId);
    return { historical, demoEventId };
  });
}

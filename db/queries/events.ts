import { firstValue, pick } from './columns';
import { and, asc, eq, gt, inArray, isNotNull, lte, or } from 'drizzle-orm';
import type { SessionContributors } from '@/lib/domain/people';
import { isLive } from '@/lib/domain/time';
import { getDb } from '../client';
import {
  eventDays,
  eventOrganizations,
  eventPeople,
  events,
  organizations,
  people,
  programmeSessions,
  rooms,
  sessionOrganizations,
  sessionPeople,
  tracks,
} from '../schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EventSummary = {
  slug: string;
  title: string;
  description: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  isDemo: boolean;
};

export async function listEvents(): Promise<EventSummary[]> {
  const db = await getDb();
  return db
    .select(pick(events, 'slug', 'title', 'description', 'location', 'startsAt', 'endsAt', 'timeZone', 'isDemo'))
    .from(events)
    .orderBy(asc(events.startsAt));
}

export type ProgrammeSession = {
  id: string;
  slug: string;
  title: string;
  description: string;
  kind: (typeof programmeSessions.$inferSelect)['kind'];
  status: (typeof programmeSessions.$inferSelect)['status'];
  visibility: (typeof programmeSessions.$inferSelect)['visibility'];
  mode: (typeof programmeSessions.$inferSelect)['mode'];
  /** Seats (null = unlimited); a hybrid session's chairs. */
  capacity: number | null;
  /** A hybrid session's online seats (null = unlimited). */
  capacityOnline: number | null;
  language: string;
  startsAt: Date;
  endsAt: Date;
  /** Set while the session's video room runs (LiveKit webhooks). */
  videoLiveSince: Date | null;
  /** Registrants are told the session is recorded; recording starts by itself when the room goes live. */
  recordingAnnounced: boolean;
  autoRecord: boolean;
  /** Captions recognised from the speakers' audio where no captioner types (server/asr). */
  recognisedCaptions: boolean;
  /** A diffusion session's switch-over (lib/domain/diffusion.ts): null none, 0 always, N above N in the room. */
  diffusionAbove: number | null;
  /** Not published yet (listed only with `{ drafts: true }`, for the organizer's programme). */
  draft: boolean;
  room: { key: string; name: string; kind: 'physical' | 'online' } | null;
  track: { key: string; name: string } | null;
  people: SessionContributors['people'];
  organizations: SessionContributors['organizations'];
  /** A named format (lib/domain/people.ts SESSION_FORMATS), or null. */
  format: string | null;
  /** The organization whose programme (parcours) the session belongs to. */
  programme: { key: string; name: string } | null;
  /** What the source says when it gives no time (shown beside the placeholder time). */
  scheduleNote: string | null;
};

export type EventProgramme = {
  event: typeof events.$inferSelect;
  days: { date: string; label: string | null }[];
  rooms: { key: string; name: string; kind: 'physical' | 'online' }[];
  tracks: { key: string; name: string }[];
  sessions: ProgrammeSession[];
  /** Organizers, supporters, partners (in order). */
  organizations: { key: string; name: string; role: string }[];
  /** People credited for the whole event (graphic facilitation). */
  credits: { key: string | null; name: string; role: string }[];
};

/**
 * The event with its whole programme, or null when the slug is unknown. Cancelled sessions are kept
 * (shown struck); draft sessions (not published yet) only with `drafts` (the organizer's view).
 */
export async function getEventProgramme(slug: string, { drafts = false }: { drafts?: boolean } = {}): Promise<EventProgramme | null> {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  if (!event) return null;
  const [dayRows, roomRows, trackRows, sessionRows] = await Promise.all([
    db.select().from(eventDays).where(eq(eventDays.eventId, event.id)).orderBy(asc(eventDays.date)),
    db.select().from(rooms).where(eq(rooms.eventId, event.id)).orderBy(asc(rooms.name)),
    db.select().from(tracks).where(eq(tracks.eventId, event.id)).orderBy(asc(tracks.name)),
    db
      .select()
      .from(programmeSessions)
      .where(and(eq(programmeSessions.eventId, event.id), drafts ? undefined : eq(programmeSessions.draft, false)))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.title)),
  ]);
  const sessionIds = sessionRows.map((s) => s.id);
  const [peopleRows, orgRows, eventOrgRows, creditRows] = await Promise.all([
    sessionIds.length
      ? db
          .select({
            ...pick(sessionPeople, 'sessionId', 'role', 'position'),
            key: people.key,
            name: people.name,
            organization: sessionPeople.organization,
            organizationKey: organizations.key,
          })
          .from(sessionPeople)
          .innerJoin(people, eq(people.id, sessionPeople.personId))
          .leftJoin(organizations, eq(organizations.id, sessionPeople.organizationId))
          .where(inArray(sessionPeople.sessionId, sessionIds))
          .orderBy(asc(sessionPeople.position))
      : [],
    sessionIds.length
      ? db
          .select({ sessionId: sessionOrganizations.sessionId, role: sessionOrganizations.role, key: organizations.key, name: organizations.name })
          .from(sessionOrganizations)
          .innerJoin(organizations, eq(organizations.id, sessionOrganizations.organizationId))
          .where(inArray(sessionOrganizations.sessionId, sessionIds))
          .orderBy(asc(sessionOrganizations.position))
      : [],
    db
      .select({ key: organizations.key, name: organizations.name, role: eventOrganizations.role })
      .from(eventOrganizations)
      .innerJoin(organizations, eq(organizations.id, eventOrganizations.organizationId))
      .where(eq(eventOrganizations.eventId, event.id))
      .orderBy(asc(eventOrganizations.position)),
    db
      .select({ key: people.key, name: people.name, role: eventPeople.role })
      .from(eventPeople)
      .innerJoin(people, eq(people.id, eventPeople.personId))
      .where(eq(eventPeople.eventId, event.id))
      .orderBy(asc(eventPeople.position)),
  ]);
  const programmeOrgIds = [...new Set(sessionRows.map((s) => s.programmeOrganizationId).filter((x): x is string => Boolean(x)))];
  const programmeOrgs = new Map(
    (programmeOrgIds.length
      ? await db.select({ id: organizations.id, key: organizations.key, name: organizations.name }).from(organizations).where(inArray(organizations.id, programmeOrgIds))
      : []
    ).map((o) => [o.id, { key: o.key, name: o.name }]),
  );
  const roomById = new Map(roomRows.map((r) => [r.id, r]));
  const trackById = new Map(trackRows.map((t) => [t.id, t]));
  return {
    event,
    days: dayRows.map((d) => ({ date: d.date, label: d.label })),
    rooms: roomRows.map((r) => ({ key: r.key, name: r.name, kind: r.kind })),
    tracks: trackRows.map((t) => ({ key: t.key, name: t.name })),
    sessions: sessionRows.map((s) => {
      const room = s.roomId ? roomById.get(s.roomId) : undefined;
      const track = s.trackId ? trackById.get(s.trackId) : undefined;
      return {
        id: s.id,
        slug: s.slug,
        title: s.title,
        description: s.description,
        kind: s.kind,
        status: s.status,
        visibility: s.visibility,
        mode: s.mode,
        capacity: s.capacity,
        capacityOnline: s.capacityOnline,
        language: s.language,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        videoLiveSince: s.videoLiveSince,
        recordingAnnounced: s.recordingAnnounced,
        autoRecord: s.autoRecord,
        recognisedCaptions: s.recognisedCaptions,
        diffusionAbove: s.diffusionAbove,
        draft: s.draft,
        room: room ? { key: room.key, name: room.name, kind: room.kind } : null,
        track: track ? { key: track.key, name: track.name } : null,
        people: peopleRows
          .filter((p) => p.sessionId === s.id)
          .map((p) => ({ key: p.key, name: p.name, organization: p.organization, organizationKey: p.organizationKey, role: p.role })),
        organizations: orgRows.filter((o) => o.sessionId === s.id).map((o) => ({ key: o.key, name: o.name, role: o.role })),
        format: s.format,
        programme: s.programmeOrganizationId ? (programmeOrgs.get(s.programmeOrganizationId) ?? null) : null,
        scheduleNote: s.scheduleNote,
      };
    }),
    organizations: eventOrgRows,
    credits: creditRows,
  };
}

/**
 * The sessions live at `now`, across events (the home page's "live now"), earliest first. SQL only
 * narrows the rows to those within their times or with a running video room; `isLive`
 * (lib/domain/time.ts, the programme's rule) decides.
 */
export async function liveSessions(now = new Date()) {
  const db = await getDb();
  const rows = await db
    .select({
      ...pick(programmeSessions, 'slug', 'title', 'status', 'visibility', 'mode', 'startsAt', 'endsAt', 'videoLiveSince'),
      eventSlug: events.slug,
      eventTitle: events.title,
      timeZone: events.timeZone,
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(
      and(
        eq(programmeSessions.draft, false), // a draft is not public (0025)
        or(isNotNull(programmeSessions.videoLiveSince), and(lte(programmeSessions.startsAt, now), gt(programmeSessions.endsAt, now))),
      ),
    )
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.title));
  return rows.filter((s) => isLive(s, now));
}

/**
 * An event's time zone (`events.time_zone`), or null for an unknown slug: the wall-clock time of
 * its call forms, and of the live panels on its session pages (their layout gives it to the browser).
 */
export async function eventTimeZone(eventSlug: string): Promise<string | null> {
  return firstValue(events.timeZone, eq(events.slug, eventSlug));
}

/** One session of an event's programme, with its event (session and room pages), or null. */
export async function getProgrammeSession({ slug, sessionSlug }: { slug: string; sessionSlug: string }) {
  const programme = await getEventProgramme(slug);
  const session = programme?.sessions.find((s) => s.slug === sessionSlug);
  return programme && session ? { event: programme.event, session } : null;
}

/**
 * A session by its id (cancelled ones too: callers decide; drafts only with `drafts`), with what
 * live features need and its event's slug and time zone. Used by `sessionAccess` (Q&A, chat, video).
 */
export async function getSessionById(id: string, { drafts = false }: { drafts?: boolean } = {}) {
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...pick(
        programmeSessions,
        'id', 'slug', 'title', 'kind', 'status', 'visibility', 'mode',
        'capacity', 'confirmedCount', 'capacityOnline', 'confirmedOnline', 'startsAt', 'endsAt',
        'qaModeration', 'guestsWrite', 'roomQrGuests', 'videoLiveSince', 'stagePin', 'language',
        'recordingAnnounced', 'autoRecord', 'recognisedCaptions', 'diffusionAbove',
      ),
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
      timeZone: events.timeZone,
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(and(eq(programmeSessions.id, id), drafts ? undefined : eq(programmeSessions.draft, false)))
    .limit(1);
  return row ?? null;
}

import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../client';
import { eventDays, events, people, programmeSessions, rooms, sessionPeople, tracks } from '../schema';

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
    .select({
      slug: events.slug,
      title: events.title,
      description: events.description,
      location: events.location,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      isDemo: events.isDemo,
    })
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
  capacity: number | null;
  language: string;
  startsAt: Date;
  endsAt: Date;
  /** Set while the session's video room runs (LiveKit webhooks). */
  videoLiveSince: Date | null;
  /** Registrants are told the session is recorded; recording starts by itself when the room goes live. */
  recordingAnnounced: boolean;
  autoRecord: boolean;
  room: { key: string; name: string; kind: 'physical' | 'online' } | null;
  track: { key: string; name: string } | null;
  people: { name: string; organization: string | null; role: string }[];
};

export type EventProgramme = {
  event: typeof events.$inferSelect;
  days: { date: string; label: string | null }[];
  rooms: { key: string; name: string; kind: 'physical' | 'online' }[];
  tracks: { key: string; name: string }[];
  sessions: ProgrammeSession[];
};

/** The event with its whole programme, or null when the slug is unknown. Cancelled sessions are kept (shown struck). */
export async function getEventProgramme(slug: string): Promise<EventProgramme | null> {
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
      .where(eq(programmeSessions.eventId, event.id))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.title)),
  ]);
  const peopleRows = sessionRows.length
    ? await db
        .select({
          sessionId: sessionPeople.sessionId,
          role: sessionPeople.role,
          position: sessionPeople.position,
          name: people.name,
          organization: sessionPeople.organization,
        })
        .from(sessionPeople)
        .innerJoin(people, eq(people.id, sessionPeople.personId))
        .where(
          inArray(
            sessionPeople.sessionId,
            sessionRows.map((s) => s.id),
          ),
        )
        .orderBy(asc(sessionPeople.position))
    : [];
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
        language: s.language,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        videoLiveSince: s.videoLiveSince,
        recordingAnnounced: s.recordingAnnounced,
        autoRecord: s.autoRecord,
        room: room ? { key: room.key, name: room.name, kind: room.kind } : null,
        track: track ? { key: track.key, name: track.name } : null,
        people: peopleRows
          .filter((p) => p.sessionId === s.id)
          .map((p) => ({ name: p.name, organization: p.organization, role: p.role })),
      };
    }),
  };
}

/** One session of an event's programme, with its event (session and room pages), or null. */
export async function getProgrammeSession({ slug, sessionSlug }: { slug: string; sessionSlug: string }) {
  const programme = await getEventProgramme(slug);
  const session = programme?.sessions.find((s) => s.slug === sessionSlug);
  return programme && session ? { event: programme.event, session } : null;
}

/**
 * A session by its id (cancelled ones too: callers decide), with what live features need and its
 * event's slug and time zone. Used by `sessionAccess` (Q&A, chat, video).
 */
export async function getSessionById(id: string) {
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: programmeSessions.id,
      slug: programmeSessions.slug,
      title: programmeSessions.title,
      kind: programmeSessions.kind,
      status: programmeSessions.status,
      visibility: programmeSessions.visibility,
      mode: programmeSessions.mode,
      capacity: programmeSessions.capacity,
      confirmedCount: programmeSessions.confirmedCount,
      startsAt: programmeSessions.startsAt,
      endsAt: programmeSessions.endsAt,
      qaModeration: programmeSessions.qaModeration,
      guestsWrite: programmeSessions.guestsWrite,
      videoLiveSince: programmeSessions.videoLiveSince,
      language: programmeSessions.language,
      recordingAnnounced: programmeSessions.recordingAnnounced,
      autoRecord: programmeSessions.autoRecord,
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
      timeZone: events.timeZone,
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(programmeSessions.id, id))
    .limit(1);
  return row ?? null;
}

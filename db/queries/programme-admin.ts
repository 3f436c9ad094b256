import { and, eq, gt, like, lt, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { eventInput, roomInput, SessionInput, trackInput } from '@/lib/domain/programme';
import type { questionInput } from '@/lib/domain/questions';
import { firstFreeSlug, slugify } from '@/lib/domain/resources';
import { diffusionAboveOf } from '@/lib/domain/diffusion';
import { zonedInstant } from '@/lib/domain/time';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../client';
import { eventDays, eventQuestions, events, invitationCodes, programmeSessions, roleGrants, rooms, tracks } from '../schema';
import { userMay } from './grants';
import { organizedEvent } from './organizer';

async function requireOrganizer(actorId: string, eventSlug: string) {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can change its programme.');
  return event;
}

function timesOf(input: SessionInput, timeZone: string) {
  const startsAt = zonedInstant(input.day, input.start, timeZone);
  const endsAt = zonedInstant(input.day, input.end, timeZone);
  if (endsAt <= startsAt) throw new DomainError(400, 'invalid', 'A session cannot end before it starts.', { end: 'end_before_start' });
  return { startsAt, endsAt };
}

/**
 * Create (no `sessionId`) or update a session. In one transaction: the organizer check, the
 * room row locked so that two saves in one room are decided one after the other, and the refusal
 * of an overlap with another (not cancelled) session in the same physical room.
 */
export async function saveSession(actorId: string, eventSlug: string, input: SessionInput, sessionId?: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const { startsAt, endsAt } = timesOf(input, event.timeZone);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let roomId: string | null = null;
    if (input.room) {
      const [room] = await tx
        .select()
        .from(rooms)
        .where(and(eq(rooms.eventId, event.id), eq(rooms.key, input.room)))
        .for('update');
      if (!room) throw new DomainError(400, 'invalid', 'Unknown room.', { room: 'unknown' });
      roomId = room.id;
      if (room.kind === 'physical' && input.status !== 'cancelled') {
        const [clash] = await tx
          .select({ title: programmeSessions.title, startsAt: programmeSessions.startsAt })
          .from(programmeSessions)
          .where(
            and(
              eq(programmeSessions.roomId, room.id),
              ne(programmeSessions.status, 'cancelled'),
              lt(programmeSessions.startsAt, endsAt),
              gt(programmeSessions.endsAt, startsAt),
              sessionId ? ne(programmeSessions.id, sessionId) : undefined,
            ),
          )
          .limit(1);
        if (clash) {
          throw new DomainError(
            409,
            'room_overlap',
            `“${room.name}” is already taken at that time by “${clash.title}”.`,
            { room: 'room_overlap' },
            { room: room.name, session: clash.title },
          );
        }
      }
    }
    let trackId: string | null = null;
    if (input.track) {
      const [track] = await tx.select().from(tracks).where(and(eq(tracks.eventId, event.id), eq(tracks.key, input.track)));
      if (!track) throw new DomainError(400, 'invalid', 'Unknown track.', { track: 'unknown' });
      trackId = track.id;
    }
    const slug = input.slug ?? (await freeSessionSlug(tx, event.id, input.title, sessionId));
    const values = {
      eventId: event.id,
      slug,
      title: input.title,
      description: input.description,
      kind: input.kind,
      status: input.status,
      visibility: input.visibility,
      mode: input.mode,
      capacity: input.capacity,
      language: input.language,
      guestsWrite: input.guestsWrite,
      roomQrGuests: input.roomQr,
      recordingAnnounced: input.recordingAnnounced,
      autoRecord: input.autoRecord,
      recognisedCaptions: input.recognisedCaptions,
      diffusionAbove: diffusionAboveOf(input.diffusion, input.diffusionAbove),
      draft: input.publication === 'draft',
      startsAt,
      endsAt,
      roomId,
      trackId,
    };
    const [dup] = await tx
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .where(and(eq(programmeSessions.eventId, event.id), eq(programmeSessions.slug, slug), sessionId ? ne(programmeSessions.id, sessionId) : undefined));
    if (dup) throw new DomainError(409, 'slug_taken', 'Another session of this event has that address.', { slug: 'taken' });
    if (sessionId) {
      const [row] = await tx
        .update(programmeSessions)
        .set(values)
        .where(and(eq(programmeSessions.id, sessionId), eq(programmeSessions.eventId, event.id)))
        .returning({ id: programmeSessions.id });
      if (!row) throw new DomainError(404, 'session_not_found', 'No such session in this event.');
      return row.id;
    }
    const [row] = await tx.insert(programmeSessions).values(values).returning({ id: programmeSessions.id });
    await ensureDay(tx, event.id, input.day);
    return row!.id;
  });
}

/** A session address from its title, free in the event (`-2`, `-3`… on a collision); the session itself excepted. */
export async function freeSessionSlug(tx: Tx, eventId: string, title: string, sessionId?: string): Promise<string> {
  const base = slugify(title, 'session');
  const rows = await tx
    .select({ slug: programmeSessions.slug })
    .from(programmeSessions)
    .where(
      and(
        eq(programmeSessions.eventId, eventId),
        or(eq(programmeSessions.slug, base), like(programmeSessions.slug, `${base}-%`)),
        sessionId ? ne(programmeSessions.id, sessionId) : undefined,
      ),
    );
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

async function ensureDay(tx: Tx, eventId: string, date: string) {
  await tx.insert(eventDays).values({ eventId, date }).onConflictDoNothing();
}

export async function saveRoom(actorId: string, eventSlug: string, input: z.output<typeof roomInput>) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const values = { eventId: event.id, ...input };
  await db.insert(rooms).values(values).onConflictDoUpdate({ target: [rooms.eventId, rooms.key], set: values });
}

export async function saveTrack(actorId: string, eventSlug: string, input: z.output<typeof trackInput>) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const values = { eventId: event.id, ...input };
  await db.insert(tracks).values(values).onConflictDoUpdate({ target: [tracks.eventId, tracks.key], set: values });
}

/** An event's editable columns from the form: its days become instants in its time zone. */
function eventColumns(input: z.output<typeof eventInput>) {
  return {
    title: input.title,
    description: input.description,
    location: input.location ?? null,
    timeZone: input.timeZone,
    startsAt: zonedInstant(input.firstDay, '00:00', input.timeZone),
    endsAt: zonedInstant(input.lastDay, '23:59', input.timeZone),
  };
}

/** Create an event with its days; admins only (`event.create`, checked in the transaction). The creator organizes it. */
export async function createEvent(actorId: string, input: z.output<typeof eventInput>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await userMay(actorId, 'event.create', {}, tx))) throw new DomainError(403, 'forbidden', 'Only administrators create events.');
    const [taken] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.slug));
    if (taken) throw new DomainError(409, 'slug_taken', 'An event already has that address.', { slug: 'taken' });
    const [event] = await tx
      .insert(events)
      .values({ slug: input.slug, ...eventColumns(input) })
      .returning();
    const days: string[] = [];
    for (let d = new Date(`${input.firstDay}T12:00:00Z`); d.toISOString().slice(0, 10) <= input.lastDay; d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().slice(0, 10));
      if (days.length > 60) throw new DomainError(400, 'invalid', 'An event lasts 60 days at most.', { lastDay: 'event_too_long' });
    }
    await tx.insert(eventDays).values(days.map((date) => ({ eventId: event!.id, date })));
    await tx.insert(roleGrants).values({ userId: actorId, role: 'organizer', eventId: event!.id, grantedBy: actorId }).onConflictDoNothing();
    return event!;
  });
}


/** Add or change a registration question (organizers). */
export async function saveQuestion(actorId: string, eventSlug: string, input: z.output<typeof questionInput>) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  const values = { eventId: event.id, ...input };
  await db.insert(eventQuestions).values(values).onConflictDoUpdate({ target: [eventQuestions.eventId, eventQuestions.key], set: values });
}

/** Generate an invitation code, single- or multi-use, for one invitation-only session or all of them. */
export async function generateInvitationCode(actorId: string, eventSlug: string, input: { sessionId?: string; maxUses: number | null }) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  if (input.sessionId) {
    const [s] = await db
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .where(and(eq(programmeSessions.id, input.sessionId), eq(programmeSessions.eventId, event.id)));
    if (!s) throw new DomainError(400, 'invalid', 'Unknown session.', { sessionId: 'unknown' });
  }
  // 10 characters from an alphabet without look-alikes (0/O, 1/I/L): easy to read out and type.
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const code = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  const [row] = await db
    .insert(invitationCodes)
    .values({ eventId: event.id, sessionId: input.sessionId ?? null, code, maxUses: input.maxUses })
    .returning();
  return row!;
}

export async function listInvitationCodes(actorId: string, eventSlug: string) {
  const event = await requireOrganizer(actorId, eventSlug);
  const db = await getDb();
  return db
    .select({ code: invitationCodes.code, uses: invitationCodes.uses, maxUses: invitationCodes.maxUses, session: programmeSessions.title })
    .from(invitationCodes)
    .leftJoin(programmeSessions, eq(programmeSessions.id, invitationCodes.sessionId))
    .where(eq(invitationCodes.eventId, event.id))
    .orderBy(invitationCodes.createdAt);
}

/** Edit an event's details and days (organizers of the event). Sessions keep their instants. */
export async function updateEvent(actorId: string, eventSlug: string, input: z.output<typeof eventInput>) {
  const event = await requireOrganizer(actorId, eventSlug);
  if (input.slug !== eventSlug) throw new DomainError(400, 'invalid', 'An event’s address cannot change (links and exports rely on it).', { slug: 'unchangeable' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(events)
      .set(eventColumns(input))
      .where(eq(events.id, event.id));
    const days: string[] = [];
    for (let d = new Date(`${input.firstDay}T12:00:00Z`); d.toISOString().slice(0, 10) <= input.lastDay; d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().slice(0, 10));
      if (days.length > 60) throw new DomainError(400, 'invalid', 'An event lasts 60 days at most.', { lastDay: 'event_too_long' });
    }
    await tx.insert(eventDays).values(days.map((date) => ({ eventId: event.id, date }))).onConflictDoNothing();
  });
}

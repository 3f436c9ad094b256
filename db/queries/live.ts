import { pick } from './columns';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '../client';
import type { LiveSnapshot } from '@/lib/realtime/protocol';
import { events, programmeSessions, registrations, registrationSessions, roomSanctions } from '../schema';
import { guestActorKey, mayRead, roomAdmitsGuests } from '@/lib/domain/live';
import { listMessages } from './chat';
import { getSessionById } from './events';
import { actorKeyOf, type Identity } from './identity';
import { listQuestions } from './qa';
import { type Grant, may, sessionRoleOf } from '@/lib/policy';
import { grantsOf } from './grants';

export type LiveRole = 'guest' | 'participant' | 'speaker' | 'moderator' | 'organizer';

export type SessionAccess = {
  session: NonNullable<Awaited<ReturnType<typeof getSessionById>>>;
  /**
   * `null` for a guest (no sign-in, no personal link), except where the session lets guests
   * write: then their browser's guest key (`guest:<uuid>`).
   */
  actorKey: string | null;
  /** Their role in this session (lib/policy `sessionRoleOf`), `guest` without identity. */
  role: LiveRole;
  /** The account's grants (lib/policy); none for guests and personal links. */
  grants: readonly Grant[];
  /** `session.moderate`: the session's moderators, its event's organizers, admins. */
  isModerator: boolean;
  /** An active registration to the session's event. */
  registered: boolean;
  /** The person's seat in this session, if they chose it. */
  seat: 'confirmed' | 'waitlisted' | 'cancelled' | null;
  /** The room's QR code admitted this browser to this session (lib/domain/live.ts `roomAdmitsGuests`). */
  roomAdmitted: boolean;
  bannedAt: Date | null;
  mutedUntil: Date | null;
};

/**
 * Everything live features need to decide what a person may do in a session: the session, their
 * grants and role in it, their registration and seat, and any ban or mute in force. `null` when the
 * session does not exist. `guest`: what the browser's signed guest cookie says: its key
 * (`guest:<uuid>`), used only where the session lets guests write or its room admitted them, and
 * the sessions whose room's QR code admitted it (`rooms`; counted only while the session still
 * admits the room).
 */
export async function sessionAccess(
  identity: Identity | null,
  sessionId: string,
  guest: { key: string | null; rooms?: readonly string[] } = { key: null },
): Promise<SessionAccess | null> {
  const session = await getSessionById(sessionId);
  if (!session) return null;
  const roomAdmitted = Boolean(guest.rooms?.includes(session.id)) && roomAdmitsGuests(session);
  const base = { session, bannedAt: null, mutedUntil: null, seat: null, registered: false, roomAdmitted } as const;
  if (!identity) {
    const actorKey = guestActorKey(session, guest.key, roomAdmitted);
    const sanctions = actorKey ? await sanctionsOf(sessionId, actorKey) : [];
    return { ...base, ...inForce(sanctions), actorKey, role: 'guest', grants: [], isModerator: false };
  }
  const actorKey = actorKeyOf(identity);
  const db = await getDb();
  const [grants, registration, sanctions] = await Promise.all([
    // Staff roles come with a sign-in only: a personal link (a bearer token sent by mail) gives
    // a participant's rights, even once its registration is linked to a moderator's account.
    grantsOf(identity.kind === 'user' ? identity.userId : null, { eventId: session.eventId }),
    registrationOf(identity, session.eventId),
    sanctionsOf(sessionId, actorKey),
  ]);
  let seat: SessionAccess['seat'] = null;
  if (registration) {
    const [row] = await db
      .select({ status: registrationSessions.status })
      .from(registrationSessions)
      .where(and(eq(registrationSessions.registrationId, registration.id), eq(registrationSessions.sessionId, sessionId)))
      .limit(1);
    seat = row?.status ?? null;
  }
  const target = { sessionId: session.id, eventId: session.eventId };
  return {
    session,
    actorKey,
    role: sessionRoleOf(grants, target),
    grants,
    isModerator: may(grants, 'session.moderate', target),
    registered: Boolean(registration),
    seat,
    roomAdmitted,
    ...inForce(sanctions),
  };
}

/** Mutes and bans in force against a person in a session, newest first. */
async function sanctionsOf(sessionId: string, actorKey: string) {
  const db = await getDb();
  return db
    .select({ kind: roomSanctions.kind, until: roomSanctions.until, createdAt: roomSanctions.createdAt })
    .from(roomSanctions)
    .where(
      and(
        eq(roomSanctions.sessionId, sessionId),
        eq(roomSanctions.targetKey, actorKey),
        isNull(roomSanctions.liftedAt),
        or(isNull(roomSanctions.until), gt(roomSanctions.until, sql`now()`)),
      ),
    )
    .orderBy(desc(roomSanctions.createdAt));
}

function inForce(sanctions: Awaited<ReturnType<typeof sanctionsOf>>): Pick<SessionAccess, 'bannedAt' | 'mutedUntil'> {
  const ban = sanctions.find((s) => s.kind === 'ban');
  const mute = sanctions.find((s) => s.kind === 'mute');
  return { bannedAt: ban ? ban.createdAt : null, mutedUntil: mute ? (mute.until ?? new Date(8.64e15)) : null };
}

/** The person's active registration to an event: by personal link, else by account or e-mail. */
async function registrationOf(identity: Identity, eventId: string): Promise<{ id: string } | null> {
  const db = await getDb();
  if (identity.kind === 'registration') {
    return identity.eventId === eventId ? { id: identity.registrationId } : null;
  }
  const [row] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, 'active'),
        or(eq(registrations.userId, identity.userId), eq(registrations.email, identity.email.toLowerCase())),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The session behind a projector short code (first 8 hex digits of its id), for `/q/<code>`. */
export async function sessionByShortCode(code: string) {
  if (!/^[0-9a-f]{8}$/i.test(code)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: programmeSessions.id,
      eventSlug: events.slug,
      ...pick(programmeSessions, 'slug', 'title', 'mode', 'visibility', 'roomQrGuests'),
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(sql`${programmeSessions.id}::text like ${`${code.toLowerCase()}%`}`)
    .orderBy(programmeSessions.createdAt)
    .limit(1);
  return row ?? null;
}

/**
 * What a session page shows before (or without) its live connection: the questions this person
 * may see and the latest page of chat, as `session:join` would answer; null when they may not read.
 */
export async function liveSnapshot(identity: Identity | null, sessionId: string): Promise<LiveSnapshot | null> {
  const a = await sessionAccess(identity, sessionId);
  if (!a || !mayRead(a)) return null;
  const [questions, history] = await Promise.all([
    listQuestions(sessionId, { actorKey: a.actorKey, isModerator: a.isModerator }),
    listMessages(sessionId),
  ]);
  return { questions, messages: history.messages, moreMessages: history.more };
}

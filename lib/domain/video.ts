import { z } from 'zod';
import { UUID_SOURCE } from '../uuid';
import { onlineSeatsOf } from './seats';

/** Video roles and LiveKit grants, by the person's role in the session and the session's kind. */
export type VideoRole = 'attendee' | 'speaker' | 'moderator';
export type EventRole = 'organizer' | 'moderator' | 'speaker' | 'participant';
export type SessionKind = 'plenary' | 'session' | 'workshop' | 'round_table' | 'short_talk' | 'side_event' | 'social';

/** Kinds held as discussion rooms, where every admitted participant may speak. */
export const DISCUSSION_KINDS: ReadonlySet<SessionKind> = new Set(['workshop', 'side_event', 'social']);

/** How a room looks: a stage (speakers on camera, audience watching) or a discussion grid. */
export const roomLayoutOf = (kind: SessionKind): 'stage' | 'grid' => (DISCUSSION_KINDS.has(kind) ? 'grid' : 'stage');

/** The token route's query: `group`, a breakout group a moderator visits (lib/domain/breakouts.ts). */
export const videoTokenQuery = z.object({ group: z.uuid().optional().describe('a breakout group’s id: moderators visit that group') });

/** A short token lifetime: the browser asks for a fresh one whenever it (re)joins. */
export const VIDEO_TOKEN_TTL_SECONDS = 10 * 60;

export function videoRoleOf(eventRole: EventRole | 'guest'): VideoRole {
  if (eventRole === 'moderator' || eventRole === 'organizer') return 'moderator';
  if (eventRole === 'speaker') return 'speaker';
  return 'attendee';
}

/** May this person publish audio, video and screen in a room of this kind? */
export function mayPublish(role: VideoRole, kind: SessionKind, promoted = false): boolean {
  return role !== 'attendee' || DISCUSSION_KINDS.has(kind) || promoted;
}

/**
 * The token grant. Attendees of a stage subscribe and send data (reactions) but do not publish
 * until a moderator promotes them; moderators get `roomAdmin` for this room only (the room is
 * added by the caller). Nobody may update their own name, metadata or attributes: the name is the
 * person's, from the token (a participant could otherwise call themself "Modérateur"), and the
 * raised hand (an attribute) is set by the server (`raise_hand`, `lower_hand` on the moderation
 * route).
 */
export function videoGrant(role: VideoRole, kind: SessionKind, promoted = false) {
  return {
    canSubscribe: true,
    canPublishData: true,
    canPublish: mayPublish(role, kind, promoted),
    canUpdateOwnMetadata: false,
    roomAdmin: role === 'moderator',
  };
}

/**
 * An interpreter's grant (lib/domain/interpretation.ts): whoever may not publish otherwise may
 * publish their microphone only (their channel); a speaker or moderator keeps everything.
 */
export function interpreterGrant<G extends { canPublish: boolean }>(grant: G, interpreter: boolean): G & { canPublishSources?: 'microphone'[] } {
  return !interpreter || grant.canPublish ? grant : { ...grant, canPublish: true, canPublishSources: ['microphone'] };
}

/**
 * The complete participant permission set for `RoomServiceClient.updateParticipant`, which replaces
 * the whole set: every field is given, never only the one that changes.
 */
export function participantPermission(canPublish: boolean) {
  return {
    canSubscribe: true,
    canPublish,
    canPublishData: true,
    canPublishSources: [],
    canUpdateMetadata: false,
    hidden: false,
    recorder: false,
    agent: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
  };
}

/** The LiveKit room name of a programme session, and back. */
export const videoRoomOf = (sessionId: string) => `session-${sessionId}`;
const ROOM_NAME = new RegExp(`^session-(${UUID_SOURCE})$`, 'i');
export function sessionIdOfRoom(room: string): string | null {
  const m = ROOM_NAME.exec(room);
  return m ? m[1]!.toLowerCase() : null;
}

export type RoomWindow = { opensAt: Date; closesAt: Date };

/** Rooms open `openMinutes` before the start and refuse joins `graceMinutes` after the end. */
export function roomWindow(s: { startsAt: Date; endsAt: Date }, openMinutes: number, graceMinutes: number): RoomWindow {
  return {
    opensAt: new Date(s.startsAt.getTime() - openMinutes * 60_000),
    closesAt: new Date(s.endsAt.getTime() + graceMinutes * 60_000),
  };
}

export type AdmissionInput = {
  session: {
    kind: SessionKind;
    status: string;
    visibility: 'public' | 'invitation';
    capacity: number | null;
    confirmedCount: number;
    /** A hybrid session's online seats: its video room's (lib/domain/seats.ts `onlineSeatsOf`). */
    mode?: 'onsite' | 'online' | 'hybrid';
    capacityOnline?: number | null;
    confirmedOnline?: number;
    startsAt: Date;
    endsAt: Date;
  };
  /** Their role in this session (lib/policy `sessionRoleOf`: the session's speakers and moderators, the event's organizers). */
  role: 'guest' | 'participant' | 'speaker' | 'moderator' | 'organizer';
  /** The session's interpreter (`session.interpret`): enters like its staff, without registering. */
  interpreter?: boolean;
  registered: boolean;
  seat: 'confirmed' | 'waitlisted' | 'cancelled' | null;
  bannedAt: Date | null;
};

export type Admission =
  | { ok: true; role: VideoRole }
  | { ok: false; status: 401 | 403; code: 'unauthenticated' | 'room_not_open' | 'removed' | 'not_registered' | 'not_confirmed' };

/**
 * Who may enter a session's video room, in order: a known person; a session that is not cancelled;
 * not removed from it; inside the room's window; the session's staff (its speakers and moderators,
 * the event's organizers: `session.publishStage`) always;
 * others with an active registration to the event, and a confirmed seat when the session is by
 * invitation or full.
 */
export function videoAdmission(a: AdmissionInput, window: RoomWindow, now = new Date()): Admission {
  if (a.role === 'guest') return { ok: false, status: 401, code: 'unauthenticated' };
  if (a.session.status === 'cancelled') return { ok: false, status: 403, code: 'room_not_open' };
  if (a.bannedAt) return { ok: false, status: 403, code: 'removed' };
  if (now < window.opensAt || now >= window.closesAt) return { ok: false, status: 403, code: 'room_not_open' };
  const role = videoRoleOf(a.role);
  if (a.role !== 'participant' || a.interpreter) return { ok: true, role };
  if (!a.registered) return { ok: false, status: 403, code: 'not_registered' };
  const online = onlineSeatsOf(a.session);
  const full = online.capacity !== null && online.confirmed >= online.capacity;
  if ((a.session.visibility === 'invitation' || full) && a.seat !== 'confirmed') {
    return { ok: false, status: 403, code: 'not_confirmed' };
  }
  return { ok: true, role };
}

/** A participant's LiveKit identity (`actorKeyOf`): `user:<id>` or `registration:<uuid>`. */
export const participantIdentitySchema = z.string().regex(/^(user|registration):[A-Za-z0-9_-]{1,100}$/, 'not a participant identity');

/**
 * `POST /api/sessions/{sessionId}/room/moderate`: one moderator action on the session's video room,
 * or a participant's own raised hand (`raise_hand`, `lower_hand` without `identity`).
 */
export const moderationRequest = z
  .object({
    action: z.enum(['promote', 'demote', 'mute', 'remove', 'end', 'raise_hand', 'lower_hand']),
    identity: participantIdentitySchema.optional(),
    trackSid: z.string().regex(/^TR_[A-Za-z0-9]{1,60}$/, 'not a track id').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // A hand is one's own (a moderator may also lower someone else's).
    if (v.action === 'raise_hand' && v.identity) ctx.addIssue({ code: 'custom', path: ['identity'], message: 'A hand is raised by its owner only.' });
    if (!['end', 'raise_hand', 'lower_hand'].includes(v.action) && !v.identity) ctx.addIssue({ code: 'custom', path: ['identity'], message: 'Say whom this action is for.' });
    if (v.action === 'end' && v.identity) ctx.addIssue({ code: 'custom', path: ['identity'], message: 'Ending the room is for everybody.' });
    if (v.trackSid && v.action !== 'mute') ctx.addIssue({ code: 'custom', path: ['trackSid'], message: 'Only a mute names a track.' });
  });

export type ModerationRequest = z.infer<typeof moderationRequest>;

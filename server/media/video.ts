import { TrackSource, WebhookReceiver } from 'livekit-server-sdk';
import { interpretationOf } from '@/lib/policy';
import { INTERPRETATION_ATTRIBUTE } from '@/lib/domain/interpretation';
import { actorKeyOf, type Identity } from '@/db/queries/identity';
import { sessionAccess } from '@/db/queries/live';
import { isPromoted, recordJoin, recordLeave, recordVideoModeration, setRoomLive } from '@/db/queries/video';
import { config } from '@/lib/config';
import {
  type ModerationRequest,
  roomLayoutOf,
  roomWindow,
  sessionIdOfRoom,
  VIDEO_TOKEN_TTL_SECONDS,
  type VideoRole,
  videoAdmission,
  videoGrant,
  interpreterGrant,
  videoRoomOf,
} from '@/lib/domain/video';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { livekitSettings, mintToken } from '@/server/media/livekit';
import { realtimeHooks } from '@/server/realtime/hooks';
import { breakoutRoomFor } from '@/server/breakouts/breakout-room';
import { checkRecording, egressChanged, recordOnRoomStart } from '@/server/media/recording';
import { streamEgressChanged } from '@/server/media/streaming';
import { recogniseOnRoomStart, stopRecognition } from '@/server/asr/sessions';
import { ASR_IDENTITY_PREFIX } from '@/server/asr/identity';
import { closeRoom, ensureRoom, forgetRoom, muteTracks, NotInRoomError, removeFromRoom, setHand, setPublishing } from '@/server/media/livekit-rooms';
import { onlineSeatsOf } from '@/lib/domain/seats';
import { isVenueIdentity } from '@/lib/domain/venue-inputs';
import { refuseStaleVenue } from '@/server/media/venue-inputs';

const REFUSALS = {
  unauthenticated: 'Sign in or use your personal link to join the video.',
  room_not_open: 'This room is not open now.',
  removed: 'You were removed from this session.',
  not_registered: 'Register to the event to join this session.',
  not_confirmed: 'This session admits confirmed registrants only.',
} as const;

function settingsOrRefuse() {
  const settings = livekitSettings();
  if (!settings) throw new DomainError(503, 'video_not_configured', 'Video is not configured on this server.');
  return settings;
}

async function accessOrRefuse(identity: Identity | null, sessionId: string) {
  if (!identity) throw new DomainError(401, 'unauthenticated', REFUSALS.unauthenticated);
  const access = await sessionAccess(identity, sessionId);
  if (!access) throw new DomainError(404, 'not_found', 'No such session.');
  return { access, actorKey: access.actorKey! };
}

/**
 * `room`: the LiveKit room the token is for; `group`: the breakout group it belongs to, if any;
 * `interpretation`: the language this person interprets into (on the session's stage only).
 */
export type VideoToken = { serverUrl: string; token: string; role: VideoRole; room: string; group: { id: string; name: string } | null; interpretation: string | null };

/**
 * A short-lived LiveKit token for the session's room, if the person may enter it now (see
 * `videoAdmission`). The first token creates the room with the session's limits.
 */
export async function issueVideoToken(identity: Identity | null, sessionId: string, now = new Date(), opts: { groupId?: string } = {}): Promise<VideoToken> {
  // Asked at once, beside the access check; used only for an attendee of a stage.
  const promotedLately = identity ? isPromoted(sessionId, actorKeyOf(identity)).catch(() => false) : Promise.resolve(false);
  const { access, actorKey } = await accessOrRefuse(identity, sessionId);
  const { session } = access;
  const c = config();
  const window = roomWindow(session, c.ROOM_OPEN_MINUTES, c.ROOM_GRACE_MINUTES);
  const interpretation = interpretationOf(access.grants, { sessionId: session.id, eventId: session.eventId });
  const admission = videoAdmission({ ...access, interpreter: Boolean(interpretation) }, window, now);
  if (!admission.ok) throw new DomainError(admission.status, admission.code, REFUSALS[admission.code]);
  const settings = settingsOrRefuse();
  // During breakout groups, a person's own group's room (everyone speaks there); moderators visit any.
  const breakout = await breakoutRoomFor(access, opts.groupId);
  const room = breakout?.room ?? videoRoomOf(session.id);
  const promoted = Boolean(breakout) || (admission.role === 'attendee' && roomLayoutOf(session.kind) === 'stage' && (await promotedLately));
  await ensureRoom(room, {
    // The online seats: a hybrid session's chairs are in the room, not in the video.
    // (none in a breakout group's room).
    maxParticipants: breakout ? null : onlineSeatsOf(session).capacity,
    // Kept open for whoever is about to join, at most 10 minutes (nor past the window).
    emptyTimeoutSeconds: Math.min(600, Math.max(60, Math.round((window.closesAt.getTime() - now.getTime()) / 1000))),
  });
  // An interpreter's channel is on the session's stage (a breakout group has none): their
  // microphone, with the language in an attribute only the server sets.
  const channel = breakout ? null : interpretation;
  const { canPublishSources, ...rest } = interpreterGrant(videoGrant(admission.role, session.kind, promoted), Boolean(channel));
  const token = await mintToken({
    identity: actorKey,
    name: identity!.name,
    room,
    grant: canPublishSources ? { ...rest, canPublishSources: [TrackSource.MICROPHONE] } : rest,
    ttlSeconds: VIDEO_TOKEN_TTL_SECONDS,
    attributes: channel ? { [INTERPRETATION_ATTRIBUTE]: channel } : undefined,
  });
  return { serverUrl: settings.publicUrl, token, role: admission.role, room, group: breakout?.group ?? null, interpretation: channel };
}

/**
 * One moderator action on the session's room, checked against the person's role on that session
 * and written to the audit log. A removal bans the person from the session first (so that they
 * cannot come back), then takes them out of the room.
 */
export async function moderateRoom(identity: Identity | null, sessionId: string, req: ModerationRequest): Promise<{ ok: true }> {
  const { access, actorKey } = await accessOrRefuse(identity, sessionId);
  const room = videoRoomOf(sessionId);
  // A raised hand: one's own, by anybody in the room (participants cannot set their own
  // attributes); a moderator may also lower someone else's.
  if (req.action === 'raise_hand' || req.action === 'lower_hand') {
    const whose = req.identity ?? actorKey;
    if (whose !== actorKey && !access.isModerator) throw new DomainError(403, 'forbidden', 'Only the session’s moderators can do this.');
    settingsOrRefuse();
    try {
      await setHand(room, whose, req.action === 'raise_hand');
    } catch (err) {
      if (err instanceof NotInRoomError) throw new DomainError(404, 'not_in_room', 'This person is not in the room.');
      throw err;
    }
    return { ok: true };
  }
  if (!access.isModerator) throw new DomainError(403, 'forbidden', 'Only the session’s moderators can do this.');
  settingsOrRefuse();
  const target = req.identity ?? null;
  if (target === actorKey && req.action !== 'mute') throw new DomainError(400, 'invalid', 'Moderators cannot do this to themselves.');
  const action = req.action;
  const log = (details: Record<string, unknown> = {}) => recordVideoModeration({ sessionId, actorKey, action, targetKey: target, details });
  try {
    switch (req.action) {
      case 'promote':
      case 'demote':
        await setPublishing(room, target!, req.action === 'promote');
        await log();
        break;
      case 'mute':
        await log({ trackSids: await muteTracks(room, target!, req.trackSid) });
        break;
      case 'remove': {
        const person = (await log())!;
        // The person's connections, including any opened before their registration was linked.
        await Promise.all([...new Set([person, target!])].map((key) => realtimeHooks()?.ban(sessionId, key))).catch((err) =>
          logger().warn({ err }, 'could not announce the removal to live rooms'),
        );
        await removeFromRoom(room, target!);
        break;
      }
      case 'end':
        await log();
        await closeRoom(room);
        break;

    }
  } catch (err) {
    if (err instanceof NotInRoomError) throw new DomainError(404, 'not_in_room', 'This person or track is not in the room.');
    throw err;
  }
  return { ok: true };
}

/**
 * A LiveKit webhook, verified on its raw body: attendance (join and leave per person) and the
 * room's live state. Unsigned or tampered calls are refused.
 */
export async function receiveWebhook(body: string, authorization: string | null): Promise<{ event: string }> {
  const settings = settingsOrRefuse();
  let event;
  try {
    event = await new WebhookReceiver(settings.apiKey, settings.apiSecret).receive(body, authorization ?? undefined);
  } catch {
    throw new DomainError(401, 'invalid_signature', 'The webhook signature is missing or does not match.');
  }
  const roomName = event.room?.name ?? event.egressInfo?.roomName;
  const sessionId = roomName ? sessionIdOfRoom(roomName) : null;
  if (!sessionId) return { event: event.event };
  if (event.egressInfo) {
    // A stream's egress (docs/streaming.md), else a recording's.
    if (!(await streamEgressChanged(event.egressInfo, sessionId))) await egressChanged(event.egressInfo, sessionId);
    return { event: event.event };
  }
  const at = event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date();
  const p = event.participant;
  switch (event.event) {
    case 'participant_joined':
      // A venue input is nobody's attendance; one whose token is revoked or replaced is taken out.
      if (p && isVenueIdentity(p.identity)) await refuseStaleVenue(sessionId, p.identity);
      // Egress joins to record (identity `EG_…`), the recognition worker to caption (`asr:…`): nobody's attendance either.
      else if (p && !p.identity.startsWith('EG_') && !p.identity.startsWith(ASR_IDENTITY_PREFIX)) await recordJoin({ sessionId, actorKey: p.identity, participantSid: p.sid, at });
      break;
    case 'participant_left':
      if (p) await recordLeave(p.sid, at);
      break;
    case 'room_started':
      // A room that starts again after LiveKit restarted: its recording checked first (then a new one if auto).
      await setRoomLive(sessionId, at);
      void checkRecording(sessionId).then(() => recordOnRoomStart(sessionId));
      recogniseOnRoomStart(sessionId);
      break;
    case 'room_finished':
      forgetRoom(event.room!.name);
      void stopRecognition(sessionId);
      await setRoomLive(sessionId, null);
      break;
  }
  logger().debug({ event: event.event, sessionId }, 'LiveKit webhook');
  return { event: event.event };
}

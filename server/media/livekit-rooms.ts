import { DataPacket_Kind, RoomServiceClient, ServerError } from 'livekit-server-sdk';
import { participantPermission } from '@/lib/domain/video';
import { logger } from '@/lib/logger';
import { livekitSettings } from '@/server/media/livekit';

/**
 * Room management on the LiveKit server (RoomServiceClient): creation with the session's limits,
 * permissions, mute, removal, closing. Callers check who may do what; this module only talks to
 * LiveKit.
 */
function client(): RoomServiceClient {
  const s = livekitSettings();
  if (!s) throw new Error('LiveKit is not configured');
  return new RoomServiceClient(s.apiUrl, s.apiKey, s.apiSecret);
}

const isNotFound = (err: unknown) => err instanceof ServerError && (err.status === 404 || err.code === 'not_found');

/** Thrown when the participant or track is not in the room. */
export class NotInRoomError extends Error {}

async function orNotInRoom<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isNotFound(err)) throw new NotInRoomError((err as Error).message);
    throw err;
  }
}

/**
 * Rooms this process created lately: the next tokens skip the call. Kept briefly, since the room
 * may finish (or be ended) and another process may learn it.
 */
const KNOWN_FOR_MS = 60_000;
const g = globalThis as unknown as { __cheminsRooms?: Map<string, number> };

/**
 * Create the room with the session's limits when the first token is minted. LiveKit answers an
 * existing room with that room, so this is idempotent; a failure here never blocks a join (the room
 * is then created on first join, without limits).
 */
export async function ensureRoom(name: string, opts: { maxParticipants: number | null; emptyTimeoutSeconds: number }): Promise<void> {
  const known = (g.__cheminsRooms ??= new Map());
  if ((known.get(name) ?? 0) > Date.now()) return;
  try {
    await client().createRoom({
      name,
      emptyTimeout: opts.emptyTimeoutSeconds,
      maxParticipants: opts.maxParticipants ?? 0,
    });
    known.set(name, Date.now() + KNOWN_FOR_MS);
  } catch (err) {
    logger().warn({ err, room: name }, 'LiveKit: could not create the room with its limits');
  }
}

/** Replace the participant's whole permission set (publishing or not). */
export async function setPublishing(room: string, identity: string, canPublish: boolean): Promise<void> {
  // Brought on stage (or sent back): a raised hand is answered.
  await orNotInRoom(() => client().updateParticipant(room, identity, { permission: participantPermission(canPublish), attributes: { hand: '' } }));
}

/** Raise or lower the participant's hand (attribute `hand`: participants cannot set their own attributes). */
export async function setHand(room: string, identity: string, raised: boolean): Promise<void> {
  await orNotInRoom(() => client().updateParticipant(room, identity, { attributes: { hand: raised ? 'up' : '' } }));
}

/**
 * Mute one published track, or every published track of the participant when no track is given.
 * The participant and the track are looked up first: LiveKit answers a mute for a room, person or
 * track it does not have with a 503 ("no response from servers"), not a 404.
 */
export async function muteTracks(room: string, identity: string, trackSid?: string): Promise<string[]> {
  const svc = client();
  const tracks = await orNotInRoom(async () => (await svc.getParticipant(room, identity)).tracks);
  if (trackSid && !tracks.some((t) => t.sid === trackSid)) throw new NotInRoomError(`no track ${trackSid}`);
  const sids = trackSid ? [trackSid] : tracks.filter((t) => !t.muted).map((t) => t.sid);
  for (const sid of sids) await orNotInRoom(() => svc.mutePublishedTrack(room, identity, sid, true));
  return sids;
}

/** Take the participant out of the room now; a participant already gone is fine. */
export async function removeFromRoom(room: string, identity: string): Promise<void> {
  try {
    // Tokens issued until now stop working too (the removed person holds one for a few minutes).
    await client().removeParticipant(room, identity, { revokeTokenTs: BigInt(Math.floor(Date.now() / 1000) + 1) });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The room finished (webhook): the next token creates it again with its limits. */
export function forgetRoom(room: string): void {
  g.__cheminsRooms?.delete(room);
}

/** Close the room for everybody; a room already closed is fine. */
export async function closeRoom(room: string): Promise<void> {
  forgetRoom(room);
  try {
    await client().deleteRoom(room);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/**
 * Tell the room something the server knows, for pages that have no app connection (the composite
 * egress records): its metadata, or a small JSON message under a topic (a reliable data packet to
 * everyone in it). Never throws: no video configured, or no room live, means nobody to tell.
 */
export async function tellRoom(room: string, what: { metadata: string } | { topic: string; message: unknown }): Promise<void> {
  if (!livekitSettings()) return;
  const svc = client();
  await ('metadata' in what
    ? svc.updateRoomMetadata(room, what.metadata)
    : svc.sendData(room, new TextEncoder().encode(JSON.stringify(what.message)), DataPacket_Kind.RELIABLE, { topic: what.topic })
  ).catch(() => {});
}

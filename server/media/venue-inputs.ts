import { IngressClient, IngressInput, TrackSource } from 'livekit-server-sdk';
import type { Identity } from '@/db/queries/identity';
import { moderatedSession } from '@/db/queries/replays';
import { insertVenueInput, listVenueInputs, renewVenueInput, revokeVenueInput, type VenueInputRow, venueTokenValid } from '@/db/queries/venue-inputs';
import { config } from '@/lib/config';
import { videoRoomOf } from '@/lib/domain/video';
import { takesVenueInput, VENUE_GRANT, venueIdentityOf, venueOfIdentity, venueTokenTtlSeconds, whipUrlOf } from '@/lib/domain/venue-inputs';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { livekitSettings, mintToken } from '@/server/media/livekit';
import { removeFromRoom } from '@/server/media/livekit-rooms';

/**
 * Venue inputs (issue 28, docs/api.md "Venue inputs"): the venue's camera, mixer or OBS publishes
 * into the session's stage through LiveKit's WHIP endpoint (`/whip/v1`) with a LiveKit token given
 * once to its creator. A LiveKit token cannot be taken back, so revocation holds another way: the
 * token's participant is `venue:<id>:<version>`, and a participant whose version is revoked or
 * replaced is removed at once, when it is revoked (DELETE, a new token) and whenever it joins again
 * (the `participant_joined` webhook, `refuseStaleVenue`).
 */

export type VenueInputCredentials = { id: string; whipUrl: string; token: string; rtmp?: { url: string; streamKey: string } };

/** The session, if the person moderates or organizes it and it is followed online. */
async function venueSession(identity: Identity | null, sessionId: string) {
  const access = await moderatedSession(identity, sessionId);
  if (!takesVenueInput(access.session.mode)) {
    throw new DomainError(409, 'not_online', 'This session is on site only: it has no online stage for a venue input.');
  }
  return access.session;
}

function settingsOrRefuse() {
  const settings = livekitSettings();
  if (!settings) throw new DomainError(503, 'video_not_configured', 'Video is not configured on this server.');
  return settings;
}

async function credentials(row: VenueInputRow, session: { id: string; endsAt: Date }): Promise<VenueInputCredentials> {
  const settings = settingsOrRefuse();
  const identity = venueIdentityOf(row.id, row.tokenVersion);
  const token = await mintToken({
    identity,
    name: row.name,
    room: videoRoomOf(session.id),
    grant: { ...VENUE_GRANT, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] },
    ttlSeconds: venueTokenTtlSeconds(session.endsAt, new Date()),
  });
  const rtmp = config().LIVEKIT_INGRESS === '1' ? await rtmpIngress(row, session.id, identity) : undefined;
  return { id: row.id, whipUrl: whipUrlOf(settings.publicUrl), token, ...(rtmp ? { rtmp } : {}) };
}

/** `POST /api/sessions/{sessionId}/venue-inputs` `{ name }`: a new input and its only token. */
export async function createVenueInput(identity: Identity | null, sessionId: string, name: string): Promise<VenueInputCredentials> {
  const session = await venueSession(identity, sessionId);
  settingsOrRefuse();
  const row = await insertVenueInput({ sessionId, name, createdBy: identity!.kind === 'user' ? identity!.userId : null });
  return credentials(row, session);
}

/** `POST …/venue-inputs/{id}/token`: a new token for the same input; the previous one is refused from now on. */
export async function renewVenueToken(identity: Identity | null, sessionId: string, id: string): Promise<VenueInputCredentials> {
  const session = await venueSession(identity, sessionId);
  settingsOrRefuse();
  const renewed = await renewVenueInput(sessionId, id);
  if (!renewed) throw noSuchInput();
  await disconnect(sessionId, renewed.row, renewed.replaced);
  return credentials(renewed.row, session);
}

/** `DELETE …/venue-inputs/{id}`: revoked, and taken off the stage if it is publishing. */
export async function deleteVenueInput(identity: Identity | null, sessionId: string, id: string): Promise<void> {
  await moderatedSession(identity, sessionId);
  const row = await revokeVenueInput(sessionId, id);
  if (!row) throw noSuchInput();
  await disconnect(sessionId, row, row.tokenVersion);
}

/** The session's inputs in use, for its régie page (moderators and organizers). */
export async function venueInputsOf(identity: Identity | null, sessionId: string): Promise<VenueInputRow[]> {
  await moderatedSession(identity, sessionId);
  return listVenueInputs(sessionId);
}

const noSuchInput = () => new DomainError(404, 'not_found', 'No such venue input in this session.');

/** Take an input's token version out of the room (and its RTMP ingress, where there is one). Never throws. */
async function disconnect(sessionId: string, row: VenueInputRow, version: number): Promise<void> {
  if (!livekitSettings()) return;
  try {
    await removeFromRoom(videoRoomOf(sessionId), venueIdentityOf(row.id, version));
    if (config().LIVEKIT_INGRESS === '1') await deleteIngresses(sessionId, row.id);
  } catch (err) {
    // The webhook removes it when it comes back; the row is revoked either way.
    logger().warn({ err, sessionId, venueInput: row.id }, 'could not take a venue input out of the room');
  }
}

/**
 * The `participant_joined` webhook of a venue input: a revoked or replaced token is taken out at
 * once. Answers whether it was (true) or may stay (false).
 */
export async function refuseStaleVenue(sessionId: string, participantIdentity: string): Promise<boolean> {
  const venue = venueOfIdentity(participantIdentity);
  if (!venue) return false;
  if (await venueTokenValid(sessionId, venue.id, venue.version)) return false;
  logger().info({ sessionId, venueInput: venue.id, version: venue.version }, 'a revoked venue input token joined: removed');
  await removeFromRoom(videoRoomOf(sessionId), participantIdentity);
  return true;
}

// ---------------------------------------------------------------- LiveKit Ingress (operators' option)

function ingressClient(): IngressClient {
  const s = settingsOrRefuse();
  return new IngressClient(s.apiUrl, s.apiKey, s.apiSecret);
}

/**
 * Where an operator runs LiveKit Ingress (`LIVEKIT_INGRESS=1`, docker-compose.yml's `ingress`
 * profile): an RTMP address and stream key for the same participant, for encoders without WHIP.
 * The previous token's ingress is deleted by `disconnect`.
 */
async function rtmpIngress(row: VenueInputRow, sessionId: string, identity: string): Promise<{ url: string; streamKey: string }> {
  const info = await ingressClient().createIngress(IngressInput.RTMP_INPUT, {
    name: `venue ${row.id}`,
    roomName: videoRoomOf(sessionId),
    participantIdentity: identity,
    participantName: row.name,
  });
  return { url: info.url, streamKey: info.streamKey };
}

async function deleteIngresses(sessionId: string, id: string): Promise<void> {
  const client = ingressClient();
  const all = await client.listIngress({ roomName: videoRoomOf(sessionId) });
  for (const info of all) if (venueOfIdentity(info.participantIdentity)?.id === id) await client.deleteIngress(info.ingressId);
}

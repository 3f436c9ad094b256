import { TokenVerifier } from 'livekit-server-sdk';
import { getSessionById } from '@/db/queries/events';
import { CAPTION_TOPIC, sessionOfEgressToken, stageMetadataOf } from '@/lib/domain/composite';
import { config } from '@/lib/config';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { roomLayoutOf, type SessionKind, videoRoomOf } from '@/lib/domain/video';
import { livekitSettings } from '@/server/media/livekit';
import { tellRoom } from '@/server/media/livekit-rooms';

export type LayoutAccess = { sessionId: string; title: string; eventTitle: string; layout: 'stage' | 'grid'; stagePin: string | null };

/**
 * The composite layout page's one credential (`/media/layout?url=…&token=…`): the LiveKit token
 * egress made for the room it records, signed with this app's LiveKit key and a hidden recorder's
 * (`sessionOfEgressToken`). The session is the token's room's; null for anything else (a stage
 * token, another key, an expired token, a room that is no session's).
 */
export async function layoutAccess(token: string): Promise<LayoutAccess | null> {
  const s = livekitSettings();
  if (!s) return null;
  const claims = await new TokenVerifier(s.apiKey, s.apiSecret).verify(token).catch(() => null);
  const sessionId = claims ? sessionOfEgressToken(claims) : null;
  const session = sessionId ? await getSessionById(sessionId) : null;
  if (!session) return null;
  return {
    sessionId: session.id,
    title: session.title,
    eventTitle: session.eventTitle,
    layout: roomLayoutOf(session.kind as SessionKind),
    stagePin: session.stagePin,
  };
}

/**
 * A moderator's stage pin, written into the LiveKit room's metadata too: the layout page egress
 * renders has no live-room connection and follows the pin from there. Never throws (no video, or
 * no room yet: the page then starts from the stored pin).
 */
export async function stagePinToRoom(sessionId: string, identity: string | null): Promise<void> {
  await tellRoom(videoRoomOf(sessionId), { metadata: stageMetadataOf(identity) });
}

/**
 * A caption line into the LiveKit room too, for the composite page egress records and streams (it
 * shows the captions as the stage does; it has no app connection). Only where the recording and
 * the stream are the composite; never throws (no video, or the room is not live: nothing to show).
 */
export async function captionToComposite(line: CaptionLine): Promise<void> {
  if (!livekitSettings() || config().RECORDING_LAYOUT !== 'composite') return;
  await tellRoom(videoRoomOf(line.sessionId), { topic: CAPTION_TOPIC, message: line });
}

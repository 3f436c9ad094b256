import { AudioCodec, EgressStatus, type EgressInfo, type EncodedOutputs, StreamOutput, StreamProtocol } from 'livekit-server-sdk';
import type { Identity } from '@/db/queries/identity';
import { moderatedSession } from '@/db/queries/replays';
import { currentStream, discardStream, moveStream, openStream, savedDestinations, setStreamEgressId, streamByEgressId, type StreamKind, type StreamRow } from '@/db/queries/streams';
import { badgeKeySecret } from '@/lib/config';
import { maskStreamUrl, type StreamRequest, withoutStreamKeys } from '@/lib/domain/streams';
import { videoRoomOf } from '@/lib/domain/video';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { seal, unseal } from '@/lib/secrets/sealed';
import { clients, encoding, stageEgress, startRefusal, untilStarted } from '@/server/media/recording';
import { realtimeHooks } from '@/server/realtime/hooks';

/**
 * The stream out of a session (issue 28, docs/streaming.md): LiveKit Egress sends the stage to the
 * session's RTMP destinations (PeerTube, YouTube…), H.264 and AAC. What is sent is the stage's
 * composite (Chemins's layout page) or its publisher, as the recording (`stageEgress`). Stream keys are sealed at rest (BADGE_KEY_SECRET, purpose
 * `chemins-stream-keys`, bound to the session) and never logged, shown or answered in full.
 */

const PURPOSE = 'chemins-stream-keys';
/** `StreamInfo.Status.FAILED` (livekit protocol; the SDK does not export the enum). */
const STREAM_FAILED = 2;
const COMPLETED = [EgressStatus.EGRESS_COMPLETE, EgressStatus.EGRESS_LIMIT_REACHED];
const FAILED = [EgressStatus.EGRESS_FAILED, EgressStatus.EGRESS_ABORTED];
const sealOf = (sessionId: string) => ({ secret: badgeKeySecret(), purpose: PURPOSE, owner: sessionId });

export type StreamState = { status: 'streaming' | 'stopping'; egressId: string | null };

/** The session's destinations in full (for egress only), in order. */
async function destinationUrls(sessionId: string, sealed: { urlSealed: string }[]): Promise<string[]> {
  return sealed.map((d) => unseal(d.urlSealed, sealOf(sessionId))).filter((u): u is string => u !== null);
}

/**
 * The egress of a session's stage for a stream or the diffusion: the stage's composite or its
 * publisher, as the recording (`stageEgress`, the one place the kind is chosen), H.264 and AAC
 * (RTMP/FLV and MPEG-TS both need AAC); HLS segments each start with a keyframe (one per segment).
 * 409 `nothing_to_stream` when nobody publishes.
 */
export async function startStageEgress(sessionId: string, outputs: EncodedOutputs): Promise<EgressInfo> {
  const keyFrames = outputs.segments?.segmentDuration || undefined;
  return stageEgress(videoRoomOf(sessionId), outputs, encoding(AudioCodec.AAC, keyFrames), () => new DomainError(409, 'nothing_to_stream', 'Nobody is publishing a camera in this room yet.'));
}

/**
 * Egress started for a stream row just opened (`openStream`): its egress id is kept. Refused because
 * of the room's state (nobody publishing, room not live), the row is forgotten and the refusal is the
 * caller's 409; refused by egress, the row is kept failed with the reason (`secrets` removed) and
 * the caller gets a 503 (`stream_unavailable`, or `diffusion_unavailable` for HLS).
 */
export async function startEgressOf(row: StreamRow, outputs: () => EncodedOutputs | Promise<EncodedOutputs>, secrets: string[] = []): Promise<string> {
  try {
    const info = await startStageEgress(row.sessionId, await outputs());
    await setStreamEgressId(row.id, info.egressId);
    return info.egressId;
  } catch (err) {
    const refusal = startRefusal(err);
    if (refusal) {
      await discardStream(row.id);
      throw refusal;
    }
    const reason = withoutStreamKeys(err instanceof Error ? err.message : String(err), secrets);
    await moveStream(row.id, 'failed', reason);
    logger().error({ error: reason, sessionId: row.sessionId, kind: row.kind }, 'egress refused to start a stream');
    throw row.kind === 'hls'
      ? new DomainError(503, 'diffusion_unavailable', 'The streaming service did not start the diffusion.')
      : new DomainError(503, 'stream_unavailable', 'The streaming service did not start the stream.');
  }
}

/** `POST /api/sessions/{id}/stream { action: "start", destinations? }`: the session's moderators. */
export async function startStream(identity: Identity | null, sessionId: string, destinations: StreamRequest['destinations']): Promise<StreamState> {
  await moderatedSession(identity, sessionId);
  const by = identity!.kind === 'user' ? identity!.userId : null;
  const given = destinations?.map(({ url }) => ({ urlSealed: seal(url.trim(), sealOf(sessionId)), urlMasked: maskStreamUrl(url) }));
  const { row, destinations: saved } = await openStream(sessionId, by, given);
  const urls = await destinationUrls(sessionId, saved);
  const egressId = await startEgressOf(
    row,
    () => {
      if (urls.length === 0) throw new DomainError(409, 'no_destination', 'Give the stream at least one RTMP address.');
      return { stream: new StreamOutput({ protocol: StreamProtocol.RTMP, urls }) };
    },
    urls,
  );
  announce(sessionId, { streaming: true, since: row.startedAt.toISOString() });
  return { status: 'streaming', egressId };
}

/**
 * Stop the session's running stream or diffusion: it ends at once for the moderators; egress then
 * finishes. 409 (`notRunning`) when none runs. Returns its egress id.
 */
export async function stopRunning(sessionId: string, kind: StreamKind, notRunning: DomainError): Promise<string> {
  const current = await currentStream(sessionId, kind);
  if (!current?.egressId) throw notRunning;
  try {
    await untilStarted(current.egressId).catch(() => {});
    await clients().egress.stopEgress(current.egressId);
  } catch (err) {
    logger().warn({ error: err instanceof Error ? err.message : String(err), egressId: current.egressId }, `egress stop (${kind})`);
  }
  await moveStream(current.id, 'ended');
  return current.egressId;
}

/** `{ action: "stop" }`: the stream ends at once for the moderators; egress then finishes. */
export async function stopStream(identity: Identity | null, sessionId: string): Promise<StreamState> {
  await moderatedSession(identity, sessionId);
  const egressId = await stopRunning(sessionId, 'rtmp', new DomainError(409, 'not_streaming', 'This session is not being streamed.'));
  announce(sessionId, { streaming: false, since: null });
  return { status: 'stopping', egressId };
}

/** `GET /api/sessions/{id}/stream`: moderators see whether it runs and where it goes (masked). */
export async function streamOverview(identity: Identity | null, sessionId: string) {
  await moderatedSession(identity, sessionId);
  const [current, saved] = await Promise.all([currentStream(sessionId), savedDestinations(sessionId)]);
  return {
    status: current ? current.status : ('idle' as const),
    egressId: current?.egressId ?? null,
    since: current?.startedAt.toISOString() ?? null,
    destinations: saved.map((d) => ({ url: d.urlMasked })),
  };
}

/**
 * An egress webhook about a stream: true when the egress is a stream's (handled here), false when it
 * is not (a recording's). Active: live. Ended: failed (moderators are told, keys removed) or ended.
 * A destination failing while the others go on is told to the moderators too.
 */
export async function streamEgressChanged(info: EgressInfo, sessionId: string): Promise<boolean> {
  const row: StreamRow | null = await streamByEgressId(info.egressId);
  if (!row) return false;
  if (row.kind === 'hls') {
    // The diffusion (docs/diffusion.md): its state only; its viewers' players follow the playlist.
    const to = info.status === EgressStatus.EGRESS_ACTIVE ? 'live' : COMPLETED.includes(info.status) ? 'ended' : FAILED.includes(info.status) ? 'failed' : null;
    const reason = info.error || EgressStatus[info.status] || 'unknown';
    if (to && (await moveStream(row.id, to, to === 'failed' ? reason : undefined)) && to === 'failed') logger().error({ sessionId, error: reason }, 'a diffusion failed');
    return true;
  }
  const urls = await destinationUrls(sessionId, await savedDestinations(sessionId));
  const failedOutputs = info.streamResults.filter((s) => s.status === STREAM_FAILED).map((s) => withoutStreamKeys(`${s.url}: ${s.error}`, urls));
  switch (info.status) {
    case EgressStatus.EGRESS_ACTIVE:
      await moveStream(row.id, 'live');
      if (failedOutputs.length > 0) failed(sessionId, failedOutputs.join('; '));
      break;
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED:
      if (await moveStream(row.id, 'ended')) announce(sessionId, { streaming: false, since: null });
      break;
    case EgressStatus.EGRESS_FAILED:
    case EgressStatus.EGRESS_ABORTED: {
      const reason = withoutStreamKeys(info.error || failedOutputs.join('; ') || EgressStatus[info.status] || 'unknown', urls);
      if (await moveStream(row.id, 'failed', reason)) {
        announce(sessionId, { streaming: false, since: null });
        failed(sessionId, reason);
      }
      break;
    }
    default:
      break;
  }
  return true;
}

function failed(sessionId: string, error: string) {
  logger().error({ sessionId, error }, 'a stream failed');
  realtimeHooks()?.streamFailed(sessionId, { error });
}

function announce(sessionId: string, state: { streaming: boolean; since: string | null }) {
  realtimeHooks()?.stream(sessionId, state);
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  AudioCodec,
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptions,
  type EgressInfo,
  RoomServiceClient,
  ServerError,
  type EncodedOutputs,
  TrackSource,
  VideoCodec,
} from 'livekit-server-sdk';
import { getSessionById } from '@/db/queries/events';
import type { Identity } from '@/db/queries/identity';
import { currentRecording, discardRecording, endRecording, failRecording, moderatedSession, openRecording, type ReplayRow, setEgressId } from '@/db/queries/replays';
import { config, egressAppUrl, publicUrl } from '@/lib/config';
import { compositeBaseUrl } from '@/lib/domain/composite';
import { recordingFile, recordingRefusal } from '@/lib/domain/replays';
import { videoRoomOf } from '@/lib/domain/video';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { livekitSettings } from '@/server/media/livekit';
import { realtimeHooks } from '@/server/realtime/hooks';

/**
 * Recording sessions with LiveKit Egress (the only recorder: docs/replays.md). The replay row is
 * written first (one recording per session, whoever asks), then egress is asked to write an MP4
 * (H.264 and Opus: Debian's GStreamer has no AAC encoder) under `DATA_DIR/replays`, which egress
 * must see at the same path. Egress's webhooks end the recording (`egressEnded`).
 */

/** Where replay files live (recordings and uploads), absolute. */
export const replaysDir = () => path.resolve(config().DATA_DIR, 'replays');

export const replayPageUrl = (id: string) => `${publicUrl()}/replays/${id}`;

export function clients() {
  const s = livekitSettings();
  if (!s) throw new DomainError(503, 'video_not_configured', 'Video is not configured on this server.');
  return { egress: new EgressClient(s.apiUrl, s.apiKey, s.apiSecret), rooms: new RoomServiceClient(s.apiUrl, s.apiKey, s.apiSecret) };
}

/**
 * 720p H.264; Opus audio for files (Debian's GStreamer has no faac), AAC for RTMP (egress patched:
 * docs/streaming.md); a keyframe every `keyFrameInterval` seconds (2; HLS wants one at each segment's start).
 */
export const encoding = (audioCodec: AudioCodec = AudioCodec.OPUS, keyFrameInterval = 2) =>
  new EncodingOptions({
    width: 1280,
    height: 720,
    framerate: 25,
    videoCodec: VideoCodec.H264_MAIN,
    videoBitrate: 2000,
    audioCodec,
    audioBitrate: 96,
    audioFrequency: 48000,
    keyFrameInterval,
  });

/**
 * Who is filmed in `participant` mode: the first person publishing a camera (speakers publish on a
 * stage; anyone in a workshop), or null when nobody does.
 */
export async function publisher(rooms: RoomServiceClient, room: string): Promise<string | null> {
  const people = await rooms.listParticipants(room).catch(() => []);
  const withCamera = people.filter((p) => p.tracks.some((t) => t.source === TrackSource.CAMERA));
  withCamera.sort((a, b) => Number(a.joinedAt) - Number(b.joinedAt));
  return withCamera[0]?.identity ?? null;
}

/**
 * What the recording and the stream send (`RECORDING_LAYOUT`): the stage's composite — a room
 * composite of Chemins's layout page (`/media/layout`, at `EGRESS_APP_URL`), which egress's
 * Chromium renders — or, where egress has no browser, the tracks of the stage's publisher
 * (`nobody` is the refusal when nobody publishes a camera).
 */
export async function stageEgress(
  room: string,
  output: EncodedOutputs,
  encodingOptions: EncodingOptions,
  nobody: () => DomainError,
): Promise<EgressInfo> {
  const { egress, rooms } = clients();
  if (config().RECORDING_LAYOUT === 'composite') {
    // Egress would start a composite of an empty room too: nobody there is a room not live yet.
    if ((await rooms.listParticipants(room)).length === 0) throw roomNotLive();
    return egress.startRoomCompositeEgress(room, output, { layout: 'chemins', encodingOptions, customBaseUrl: compositeBaseUrl(egressAppUrl()) });
  }
  const identity = await publisher(rooms, room);
  if (!identity) throw nobody();
  return egress.startParticipantEgress(room, identity, output, { encodingOptions });
}

export type RecordingStatus = { status: 'recording' | 'stopping' | 'ready' | 'failed'; egressId: string | null; replayId: string };

async function start(sessionId: string, by: string | null): Promise<RecordingStatus> {
  const stamp = new Date();
  const file = recordingFile(sessionId, stamp);
  const row = await openRecording(sessionId, file, by, stamp);
  const room = videoRoomOf(sessionId);
  try {
    await mkdir(path.dirname(path.join(replaysDir(), file)), { recursive: true });
    const output = { file: new EncodedFileOutput({ filepath: path.join(replaysDir(), file), fileType: EncodedFileType.MP4 }) };
    const info = await stageEgress(room, output, encoding(), () => new DomainError(409, 'nothing_to_record', 'Nobody is publishing a camera in this room yet.'));
    await setEgressId(row.id, info.egressId);
    announce(sessionId, { recording: true, since: stamp.toISOString() });
    return { status: 'recording', egressId: info.egressId, replayId: row.id };
  } catch (err) {
    // Nothing to record yet: no trace. Egress refusing is a failed recording the moderators see.
    const refusal = startRefusal(err);
    if (refusal) {
      await discardRecording(row.id);
      throw refusal;
    }
    await failRecording(row.id, err instanceof Error ? err.message : String(err));
    logger().error({ err, sessionId }, 'egress refused to start a recording');
    throw new DomainError(503, 'recording_unavailable', 'The recording service did not start the recording.');
  }
}

/** Why egress was not asked or did not start, when it is the room's state (a 409 for the caller), else null. */
export function startRefusal(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  return err instanceof ServerError && err.status === 404 ? roomNotLive() : null;
}

const roomNotLive = () => new DomainError(409, 'room_not_live', 'Nobody is in the video room yet.');

/** `POST /api/sessions/{id}/recording { action: "start" }`: moderators; refused for an unannounced workshop. */
export async function startRecording(identity: Identity | null, sessionId: string): Promise<RecordingStatus> {
  const access = await moderatedSession(identity, sessionId);
  const refusal = recordingRefusal(access.session);
  if (refusal) throw new DomainError(409, refusal, 'Registrants of this workshop were not told it would be recorded.');
  return start(sessionId, identity!.kind === 'user' ? identity!.userId : null);
}

/** `{ action: "stop" }`: egress finishes the file; its webhook makes the replay ready. */
export async function stopRecording(identity: Identity | null, sessionId: string): Promise<RecordingStatus> {
  await moderatedSession(identity, sessionId);
  const current = await currentRecording(sessionId);
  if (!current) throw new DomainError(409, 'not_recording', 'This session is not being recorded.');
  if (!current.egressId) throw new DomainError(409, 'not_recording', 'This recording has not started yet.');
  try {
    // Whatever egress answers about its state, the stop is asked for.
    await untilStarted(current.egressId).catch(() => {});
    await clients().egress.stopEgress(current.egressId);
  } catch (err) {
    // Egress no longer knows it (ended on its side): its webhook says how.
    logger().warn({ err, egressId: current.egressId }, 'egress stop');
  }
  announce(sessionId, { recording: false, since: null });
  return { status: 'stopping', egressId: current.egressId, replayId: current.id };
}

/** How long a stop waits for an egress that is still starting (its pipeline not yet writing). */
const START_WAIT_MS = 30_000;

/**
 * Wait (bounded) while egress is still starting a recording: stopped before its pipeline starts,
 * egress aborts it and nothing is kept (`EGRESS_ABORTED`: "Stop called before pipeline could
 * start"), which on a loaded machine or at a first recording takes more than ten seconds. Stopped
 * once it writes, the recording keeps what it has.
 */
export async function untilStarted(egressId: string): Promise<void> {
  const until = Date.now() + START_WAIT_MS;
  while (Date.now() < until) {
    const [info] = await clients().egress.listEgress({ egressId });
    if (info?.status !== EgressStatus.EGRESS_STARTING) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The room went live: record it when the session says so (`auto_record`). Never throws. */
export async function recordOnRoomStart(sessionId: string): Promise<void> {
  try {
    const session = await getSessionById(sessionId);
    if (!session?.autoRecord || recordingRefusal(session) || (await currentRecording(sessionId))) return;
    await start(sessionId, null);
  } catch (err) {
    logger().warn({ err, sessionId }, 'automatic recording did not start');
  }
}

/** What a recording that LiveKit lost says (docs/architecture.md, "Faults"). */
export const LOST_RECORDING = 'The recording was interrupted: the video server restarted or no longer knows it.';

/**
 * The watchdog of a session's recording: when LiveKit restarts, the egress it ran and its webhooks
 * may be gone, and the recording would stay "recording" forever. LiveKit is asked (`listEgress`):
 * still under way, nothing changes; ended, its outcome is applied as its webhook would have; unknown,
 * the recording fails with `LOST_RECORDING`. Run when a session's room starts (a new room after a
 * restart). Never throws.
 */
export async function checkRecording(sessionId: string): Promise<void> {
  try {
    const current = await currentRecording(sessionId);
    if (!current?.egressId) return;
    // An egress LiveKit does not know: a 404 (not an empty list).
    const [info] = await clients()
      .egress.listEgress({ egressId: current.egressId })
      .catch((err: unknown) => {
        if (err instanceof ServerError && err.status === 404) return [];
        throw err;
      });
    if (info && [EgressStatus.EGRESS_STARTING, EgressStatus.EGRESS_ACTIVE, EgressStatus.EGRESS_ENDING].includes(info.status)) return;
    if (info) return await egressChanged(info, sessionId);
    const row = await failRecording(current.id, LOST_RECORDING);
    if (row) recordingEnded(sessionId, row, current.egressId);
  } catch (err) {
    logger().warn({ err, sessionId }, 'the recording could not be checked');
  }
}

/** An egress webhook (`egress_started`, `egress_updated`, `egress_ended`). */
export async function egressChanged(info: EgressInfo, sessionId: string): Promise<void> {
  const ended = [EgressStatus.EGRESS_COMPLETE, EgressStatus.EGRESS_FAILED, EgressStatus.EGRESS_ABORTED, EgressStatus.EGRESS_LIMIT_REACHED];
  if (!ended.includes(info.status)) return;
  const file = info.fileResults[0];
  const complete = (info.status === EgressStatus.EGRESS_COMPLETE || info.status === EgressStatus.EGRESS_LIMIT_REACHED) && file && Number(file.size) > 0;
  const row: ReplayRow | null = await endRecording(
    complete
      ? {
          egressId: info.egressId,
          ok: true,
          startedAt: file.startedAt ? new Date(Number(file.startedAt / 1_000_000n)) : null,
          durationSeconds: file.duration ? Math.round(Number(file.duration / 1_000_000n) / 1000) : null,
          size: Number(file.size),
        }
      : { egressId: info.egressId, ok: false, error: info.error || EgressStatus[info.status] || 'unknown' },
    replayPageUrl,
  );
  if (row) recordingEnded(sessionId, row, info.egressId);
}

/** A recording ended (ready or failed): said to the room, and a failure to its moderators. */
function recordingEnded(sessionId: string, row: ReplayRow, egressId: string) {
  announce(sessionId, { recording: false, since: null });
  if (row.status === 'failed') {
    logger().error({ sessionId, egressId, error: row.error }, 'a recording failed');
    realtimeHooks()?.recordingFailed(sessionId, { replayId: row.id, error: row.error ?? '' });
  } else {
    logger().info({ sessionId, replayId: row.id, seconds: row.durationSeconds }, 'recording ready');
  }
}

function announce(sessionId: string, state: { recording: boolean; since: string | null }) {
  realtimeHooks()?.recording(sessionId, state);
}

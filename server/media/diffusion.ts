import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SegmentedFileOutput, SegmentedFileProtocol } from 'livekit-server-sdk';
import type { Identity } from '@/db/queries/identity';
import { moderatedSession, readableSession } from '@/db/queries/replays';
import { currentStream, openStream } from '@/db/queries/streams';
import { config } from '@/lib/config';
import { HLS_PLAYLIST, HLS_SEGMENT_SECONDS } from '@/lib/domain/diffusion';
import { DomainError } from '@/lib/errors';
import { fileResponse } from '@/server/http/file-response';
import { startEgressOf, stopRunning } from '@/server/media/streaming';

/**
 * The overflow audience (issue 28, docs/diffusion.md): for a *diffusion* session, LiveKit Egress
 * writes the stage as HLS (1 s MPEG-TS segments, a live playlist) under `DATA_DIR/hls/<sessionId>/`,
 * which egress must see at the same path, and Chemins serves it to whoever may follow the session.
 * The egress is the stream's (`startStageEgress`); its row is a stream of kind `hls` (one running
 * per session: the partial unique index), its state follows egress's webhooks as the stream's.
 */

/** Where a session's HLS files are written and served from, absolute. */
export const hlsDir = (sessionId: string) => path.resolve(config().DATA_DIR, 'hls', sessionId);

/** The playlist's address, as players ask for it. */
export const hlsPlaylistPath = (sessionId: string) => `/api/sessions/${sessionId}/hls/${HLS_PLAYLIST}`;

export type DiffusionState = { status: 'diffusing' | 'stopping'; egressId: string | null; playlist: string };

/** `POST /api/sessions/{id}/diffusion { action: "start" }`: the session's moderators, for a diffusion session. */
export async function startDiffusion(identity: Identity | null, sessionId: string): Promise<DiffusionState> {
  const access = await moderatedSession(identity, sessionId);
  if (access.session.diffusionAbove === null) throw new DomainError(409, 'not_a_diffusion', 'This session is not marked for diffusion.');
  const by = identity!.kind === 'user' ? identity!.userId : null;
  const { row } = await openStream(sessionId, by, undefined, 'hls');
  const dir = hlsDir(sessionId);
  const egressId = await startEgressOf(row, async () => {
    // A new diffusion starts from an empty directory: the last one's segments are gone.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return {
      segments: new SegmentedFileOutput({
        protocol: SegmentedFileProtocol.HLS_PROTOCOL,
        filenamePrefix: path.join(dir, 'segment'),
        playlistName: path.join(dir, 'full.m3u8'),
        livePlaylistName: path.join(dir, HLS_PLAYLIST),
        segmentDuration: HLS_SEGMENT_SECONDS,
      }),
    };
  });
  return { status: 'diffusing', egressId, playlist: hlsPlaylistPath(sessionId) };
}

/** `{ action: "stop" }`: the playlist is no longer served at once; egress then finishes. */
export async function stopDiffusion(identity: Identity | null, sessionId: string): Promise<DiffusionState> {
  await moderatedSession(identity, sessionId);
  const egressId = await stopRunning(sessionId, 'hls', new DomainError(409, 'not_diffusing', 'This session’s diffusion is not running.'));
  return { status: 'stopping', egressId, playlist: hlsPlaylistPath(sessionId) };
}

/** `GET /api/sessions/{id}/diffusion`: whoever may follow the session sees whether it runs and where. */
export async function diffusionOverview(identity: Identity | null, sessionId: string) {
  const access = await readableSession(identity, sessionId);
  const current = await currentStream(sessionId, 'hls');
  return {
    diffusion: access.session.diffusionAbove !== null,
    status: current ? current.status : ('idle' as const),
    since: current?.startedAt.toISOString() ?? null,
    playlist: hlsPlaylistPath(sessionId),
  };
}

const NOT_LIVE = () => new DomainError(404, 'not_found', 'This session has no diffusion running.');

/**
 * `GET /api/sessions/{id}/hls/{file}`: the live playlist (`application/vnd.apple.mpegurl`, cached
 * one second) or a segment (`video/mp2t`, cached a minute: segments never change; `private` for an invitation-only session), with byte ranges,
 * for whoever may follow the session, while its diffusion runs (else 404). `file` is already checked
 * (`hlsFileName`: the playlist or `name.ts`, nothing that leaves the directory).
 */
export async function serveHls(identity: Identity | null, sessionId: string, file: string, range: string | null): Promise<Response> {
  const access = await readableSession(identity, sessionId);
  if (!(await currentStream(sessionId, 'hls'))) throw NOT_LIVE();
  const playlist = file === HLS_PLAYLIST;
  // A CDN may keep a public session's files; an invitation-only session's stay with each viewer.
  const shared = access.session.visibility === 'public' ? 'public' : 'private';
  const res = await fileResponse(
    path.join(hlsDir(sessionId), path.basename(file)),
    playlist
      ? { contentType: 'application/vnd.apple.mpegurl', cacheControl: `${shared}, max-age=1` }
      : { contentType: 'video/mp2t', cacheControl: `${shared}, max-age=60, immutable` },
    range,
  );
  if (!res) throw NOT_LIVE();
  return res;
}

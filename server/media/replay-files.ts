import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_REPLAY_BYTES, REPLAY_VIDEO_TYPES } from '@/lib/domain/replays';
import { publicUrl } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { fileResponse } from '@/server/http/file-response';
import { replaysDir } from '@/server/media/recording';

/**
 * Replay files on disk under `DATA_DIR/replays` (recordings written by egress, uploads written
 * here): an upload is streamed to a temporary file with a cap, checked from its content, then
 * moved in place (nothing half-stored); files are served with byte ranges so that players seek.
 */

/** Where a replay file (relative name from the database) lives; never outside the replays directory. */
export function replayPath(file: string): string {
  const dir = replaysDir();
  const full = path.resolve(dir, file);
  if (!full.startsWith(dir + path.sep)) throw new DomainError(404, 'not_found', 'No such replay.');
  return full;
}

/**
 * Write an uploaded video (the request body) for a session: at most `MAX_REPLAY_BYTES`, a WebM,
 * MP4 or Ogg video by its content. Returns its relative name, type and size.
 */
export async function storeReplayUpload(sessionId: string, body: ReadableStream<Uint8Array> | null, max = MAX_REPLAY_BYTES): Promise<{ file: string; contentType: string; size: number }> {
  if (!body) throw new DomainError(400, 'file_empty', 'Send the video as the request body.');
  const dir = replaysDir();
  await mkdir(path.join(dir, 'tmp'), { recursive: true });
  const tmp = path.join(dir, 'tmp', randomUUID());
  const handle = await open(tmp, 'w');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)) {
      const buf = chunk as Buffer;
      size += buf.byteLength;
      if (size > max) throw new DomainError(400, 'file_too_large', `The video is larger than ${Math.round(max / 1024 ** 3)} GB.`);
      if (head.length < 4100) head = Buffer.concat([head, buf.subarray(0, 4100 - head.length)]);
      await handle.write(buf);
    }
    await handle.close();
    if (size === 0) throw new DomainError(400, 'file_empty', 'The video is empty.');
    const sniffed = await fileTypeFromBuffer(head);
    // file-type names Ogg video `video/ogg` and Matroska-family WebM `video/webm`; MP4 brands vary.
    const type = sniffed?.mime === 'video/quicktime' || sniffed?.mime === 'video/x-m4v' ? 'video/mp4' : sniffed?.mime;
    if (!type || !(REPLAY_VIDEO_TYPES as readonly string[]).includes(type)) {
      throw new DomainError(400, 'unsupported_video', 'Send a WebM, MP4 or Ogg video.');
    }
    const ext = type === 'video/mp4' ? 'mp4' : type === 'video/webm' ? 'webm' : 'ogv';
    const file = `${sessionId}/upload-${randomUUID()}.${ext}`;
    await mkdir(path.join(dir, sessionId), { recursive: true });
    await rename(tmp, path.join(dir, file));
    return { file, contentType: type, size };
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function removeReplayFile(file: string | null): Promise<void> {
  if (file) await rm(replayPath(file), { force: true });
}

/**
 * A replay file as an HTTP answer, with byte ranges (server/http/file-response.ts). Missing on
 * disk: 404.
 */
export async function serveReplayFile(file: string, contentType: string, range: string | null): Promise<Response> {
  const res = await fileResponse(replayPath(file), { contentType, cacheControl: 'private, max-age=3600' }, range);
  if (!res) throw new DomainError(404, 'not_found', 'This replay’s file is missing.');
  return res;
}

/** A replay as the public API gives it: files kept here are served by `/api/replays/{id}/media`. */
export function replayWire(r: { id: string; kind: 'recording' | 'upload' | 'link'; url: string | null; startedAt: Date; durationSeconds: number | null }) {
  return {
    id: r.id,
    kind: r.kind,
    url: r.kind === 'link' ? r.url! : `${publicUrl()}/api/replays/${r.id}/media`,
    startedAt: r.startedAt,
    durationSeconds: r.durationSeconds,
  };
}

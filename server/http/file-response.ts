import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * A file on disk as an HTTP answer: whole (200) or one byte range (206 with `Content-Range`,
 * `Range: bytes=a-b`, `bytes=a-` or `bytes=-n`), 416 for a range past its end. A range in another
 * form is ignored (the whole file, as RFC 9110 allows). Null when the file is missing. Used for
 * replays and the diffusion's HLS files; the caller resolves `full` inside its own directory.
 */
export async function fileResponse(full: string, o: { contentType: string; cacheControl: string }, range: string | null): Promise<Response | null> {
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) return null;
  const size = info.size;
  const headers: Record<string, string> = {
    'Content-Type': o.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': o.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  };
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (range && m && (m[1] || m[2])) {
    let start: number;
    let end: number;
    if (m[1]) {
      start = Number(m[1]);
      end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    } else {
      start = Math.max(0, size - Number(m[2]));
      end = size - 1;
    }
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
    }
    const stream = Readable.toWeb(createReadStream(full, { start, end })) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
    });
  }
  const stream = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}

import { hitLimit } from './rate-limit';

/**
 * The checks every upload (multipart public write) goes through, in one place so that they can be
 * switched to the shared write guard: multipart content type, same Origin, a body-size limit checked
 * before the body is read whole, and a per-person rate limit (`uploadsPerPerson`, the one limiter).
 */

/** Multipart overhead allowed on top of the file itself (boundaries, other fields). */
export const MULTIPART_SLACK = 64 * 1024;

export type UploadRefusal = { status: 400 | 403 | 413 | 415 | 429; code: string; message: string; retryAfter?: number };
type Guarded = { ok: true; form: FormData } | ({ ok: false } & UploadRefusal);

/** Requests from another site are refused: a browser sends Origin on every cross-site POST. */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true; // not a browser, or a same-origin navigation of an old browser
  try {
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Read at most `max` bytes of the body; null as soon as it grows past that (the rest is never read). */
export async function readCapped(req: Request, max: number): Promise<Buffer | null> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Check a multipart upload of at most `maxFileBytes` by one person (`who`: `user:<id>` or `registration:<id>`), then parse its form. */
export async function guardUpload(req: Request, who: string, maxFileBytes: number): Promise<Guarded> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    return { ok: false, status: 415, code: 'unsupported_media_type', message: 'Send the file as multipart/form-data.' };
  }
  if (!sameOrigin(req)) return { ok: false, status: 403, code: 'cross_origin', message: 'This request comes from another site.' };
  const wait = await hitLimit('uploadsPerPerson', who);
  if (wait !== null) return { ok: false, status: 429, code: 'rate_limited', message: `Too many uploads; try again in ${wait} s.`, retryAfter: wait };
  const max = maxFileBytes + MULTIPART_SLACK;
  const tooLarge = { ok: false as const, status: 413 as const, code: 'file_too_large', message: `The file is larger than ${Math.round(maxFileBytes / 1024 / 1024)} MB.` };
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return tooLarge;
  const body = await readCapped(req, max);
  if (!body) return tooLarge;
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, status: 400, code: 'invalid_multipart', message: 'The upload could not be read.' };
  }
}

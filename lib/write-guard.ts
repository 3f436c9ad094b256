import type { z } from 'zod';
import { apiError, invalid, parseJsonText } from './http';
import { allow, readCapped, sameOrigin } from './upload-guard';

/**
 * The checks of every JSON public write of the paths API (create, edit, propose, review, follow),
 * in one place so that they can be switched to the shared write guard: `application/json` only,
 * same Origin, a per-person rate limit, a body-size limit checked while reading, then zod.
 */
export async function guardJson<S extends z.ZodType>(
  req: Request,
  who: string,
  schema: S,
  opts: { maxBytes?: number; perTenMinutes?: number } = {},
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'Send the request body as application/json.') };
  }
  if (!sameOrigin(req)) return { ok: false, response: apiError(403, 'cross_origin', 'This request comes from another site.') };
  if (!allow(`json:${who}`, opts.perTenMinutes ?? 120)) {
    return { ok: false, response: apiError(429, 'rate_limited', 'Too many requests; try again in a few minutes.') };
  }
  const max = opts.maxBytes ?? 256 * 1024;
  const tooLarge = () => apiError(413, 'body_too_large', `The request body is larger than ${Math.round(max / 1024)} KB.`);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return { ok: false, response: tooLarge() };
  const body = await readCapped(req, max);
  if (!body) return { ok: false, response: tooLarge() };
  // Malformed JSON, or a NUL character anywhere in it (no text column can store one), is a 400.
  const json = parseJsonText(body.toString('utf8'));
  if (!json.ok) return { ok: false, response: apiError(json.status, json.code, json.message, json.fields) };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) return { ok: false, response: invalid(parsed.error) };
  return { ok: true, data: parsed.data };
}

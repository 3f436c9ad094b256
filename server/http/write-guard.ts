import type { z } from 'zod';
import { hitLimit, type LimitName } from '@/server/http/rate-limit';
import { apiError, invalid, parseJsonText } from './respond';
import { readCapped, sameOrigin } from './upload-guard';

/** The public 429: `rate_limited` with `Retry-After` (seconds). */
export function tooManyRequests(wait: number): Response {
  const response = apiError(429, 'rate_limited', `Too many requests; try again in ${wait} s.`);
  response.headers.set('retry-after', String(wait));
  return response;
}

/**
 * Count one request under a named limit (server/http/rate-limit.ts `LIMITS`) for `key`, a client
 * address (`clientAddressOf`) or a person: null when allowed, else the 429 to answer.
 */
export async function rateLimited(name: LimitName, key: string): Promise<Response | null> {
  const wait = await hitLimit(name, key);
  return wait === null ? null : tooManyRequests(wait);
}

/**
 * The checks of every JSON public write of the paths API (create, edit, propose, review, follow),
 * in one place so that they can be switched to the shared write guard: `application/json` only,
 * same Origin, a named rate limit (`[name, key]`), a body-size limit checked while reading, then zod.
 */
export async function guardJson<S extends z.ZodType>(
  req: Request,
  [limit, key]: [LimitName, string],
  schema: S,
  opts: { maxBytes?: number } = {},
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'Send the request body as application/json.') };
  }
  if (!sameOrigin(req)) return { ok: false, response: apiError(403, 'cross_origin', 'This request comes from another site.') };
  const limited = await rateLimited(limit, key);
  if (limited) return { ok: false, response: limited };
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

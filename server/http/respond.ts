import type { z } from 'zod';
import { type ApiError, fieldsOf } from '@/lib/validation';

/** A JSON error answer in the public shape `{ error: { code, message, fields? } }`. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  const body: ApiError = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status });
}

/**
 * A JSON answer shaped by its schema from the API registry (lib/api): the body as it goes on the
 * wire (dates as ISO strings) is parsed with `schema`, which drops keys the contract does not
 * name. A body that does not fit is a bug in the route, thrown (a 500), never sent.
 */
export function respond(schema: z.ZodType, data: unknown, init?: ResponseInit): Response {
  return Response.json(schema.parse(toWire(data)), init);
}

/**
 * A value as `JSON.stringify` would write it, without writing it: `toJSON()` called (dates become
 * ISO strings), `undefined` and functions dropped from objects and `null` in arrays, non-finite
 * numbers `null`. `respond` validates this and serialises once.
 */
export function toWire(value: unknown): unknown {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null; // -0 is written 0
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (Array.isArray(v)) return v.map((item) => (item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : toWire(item)));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      out[k] = toWire(item);
    }
    return out;
  }
  return undefined;
}

export function invalid(error: z.ZodError, message = 'The request is not valid.'): Response {
  return apiError(400, 'invalid', message, fieldsOf(error));
}

/** Where a parsed JSON value holds a NUL character (no text column can store one), or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return here;
      const found = nulAt(v, here);
      if (found) return found;
    }
  }
  return null;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; status: 400; code: string; message: string; fields?: Record<string, string> };

/** A request body's text as JSON: malformed JSON, or a NUL character anywhere in it, is a 400. */
export function parseJsonText(text: string): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'The request body must be JSON.' };
  }
  const at = nulAt(value, '');
  if (at) return { ok: false, status: 400, code: 'invalid', message: 'The request is not valid.', fields: { [at]: 'must not contain a NUL character' } };
  return { ok: true, value };
}

/**
 * Parse a JSON body; a malformed body is a 400, never a 500. An empty body is a 400 too, or
 * `opts.empty` when the route allows none.
 */
export async function readJson(req: Request, opts: { empty?: unknown } = {}): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let text: string;
  try {
    text = await req.text();
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', 'The request body must be JSON.') };
  }
  // No body at all; a body of blanks is not JSON (a 400 like any other malformed body).
  if (opts.empty !== undefined && text === '') return { ok: true, value: opts.empty };
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, response: apiError(parsed.status, parsed.code, parsed.message, parsed.fields) };
}

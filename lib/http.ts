import type { z } from 'zod';
import { type ApiError, fieldsOf } from './validation';

/** A JSON error answer in the public shape `{ error: { code, message, fields? } }`. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  const body: ApiError = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status });
}

export function invalid(error: z.ZodError, message = 'The request is not valid.'): Response {
  return apiError(400, 'invalid', message, fieldsOf(error));
}

/** Parse a JSON body; a missing or malformed body is a 400, never a 500. */
export async function readJson(req: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await req.json() };
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', 'The request body must be JSON.') };
  }
}

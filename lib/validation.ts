import { z } from 'zod';
import type { apiErrorSchema } from './api/contract';
import './zod-browser';

/** An e-mail address as typed by a person: trimmed, lower-cased, at most 254 characters. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'invalid_email' }))
  // The JSON Schema of a pipe is its input side (a string): say what it must be (lib/openapi.ts).
  .meta({ format: 'email' });

/** A UUID: the one rule for ids in paths, queries, bodies and socket commands (as text: lib/uuid.ts). */
export const uuidSchema = z.uuid();
export const isUuid = (s: string) => uuidSchema.safeParse(s).success;

/** The address of an event, a session or a call: lower-case words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Text a person typed, on one line: no control characters (a NUL cannot even be stored).
 * Multi-line text (`multiLine`) keeps tabs and line breaks.
 */
export const plainText = (opts: { multiLine?: boolean } = {}) =>
  z.string().refine((v) => !(opts.multiLine ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(v), {
    message: 'must not contain control characters',
    params: { code: 'control_characters' },
  });

/** Error body of every HTTP 4xx answer (public contract; its schema: lib/api/contract.ts). */
export type ApiError = z.output<typeof apiErrorSchema>;

export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

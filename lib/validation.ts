import { z } from 'zod';

/** An e-mail address as typed by a person: trimmed, lower-cased, at most 254 characters. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'invalid_email' }));

export const uuidSchema = z.uuid();

/** Error body of every HTTP 4xx answer (public contract). */
export type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };

export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

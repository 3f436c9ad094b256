import { z } from 'zod';

// The vocabulary of the HTTP API's registry (lib/api/routes.ts): what each operation takes and
// answers, per status and content type, as zod schemas. Routes shape their JSON answers through
// these schemas (`respond` in server/http/respond.ts) and the OpenAPI document (lib/openapi.ts) is generated
// from the same registry, so the two cannot drift.

/** Error body of every refusal (public contract): `{ error: { code, message, fields? } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe('the refused fields, each with why: a developer’s English message, or the code of a domain rule (`taken`, `end_before_start`…)'),
  }),
});

/** One answer of an operation: a JSON body (zod), a body of another type, or none. */
export type Answer = {
  description: string;
  /** The JSON body's schema (`application/json`), the one the route shapes its answer with. */
  json?: z.ZodType;
  /** Non-JSON bodies: content type → what it is (a string schema is documented). */
  content?: Record<string, { format?: 'binary'; description?: string }>;
  /** Response headers: name → description. */
  headers?: Record<string, string>;
};

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call an operation: `session` (a next-auth sign-in), `participant` (a sign-in or a personal link). */
export type Auth = 'public' | 'session' | 'participant';

export type Operation = {
  summary: string;
  description?: string;
  auth: Auth;
  /** Path parameters that are not plain strings (the rest, from `{name}` in the path, are). */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  /** The request body: JSON (zod), or another content type with its JSON Schema. */
  body?: { json: z.ZodType; required?: boolean } | { type: string; schema: Record<string, unknown>; required?: boolean };
  responses: Record<number, Answer>;
  /** How the request gate (server/http/guard.ts) treats it: reads chunked bodies itself (no 411), counted in the write limit (429). */
  gate?: { streams?: boolean; limited?: boolean };
};

export type Registry = Record<string, Partial<Record<Method, Operation>>>;

/** A refusal in the error shape. */
export const refusal = (description: string): Answer => ({ description, json: apiErrorSchema });

/** An answer whose body is JSON of `schema`. */
export const ok = (description: string, json: z.ZodType): Answer => ({ description, json });

/** An answer whose body is text of one content type. */
export const textAnswer = (type: string, description: string): Answer => ({ description, content: { [type]: { description } } });

/** Dates and times on the wire: ISO 8601 with `Z` or an offset. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const uuidParam = z.uuid();

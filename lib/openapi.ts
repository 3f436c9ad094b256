import { z } from 'zod';
import { type Answer, type Method, type Operation, apiErrorSchema } from './api/contract';
import { apiRegistry } from './api/routes';

/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json: generated from the
 * registry (lib/api/routes.ts), whose zod schemas are the ones the routes validate requests with
 * and shape their answers with (`respond`). The request gate's refusals (server/http/guard.ts)
 * are added to every operation here. lib/openapi.test.ts checks every route is in the registry.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const WRITES = new Set<Method>(['post', 'put', 'patch', 'delete']);

/** What the request gate answers before any route, for this operation. */
function gateRefusals(method: Method, op: Operation): Record<number, string> {
  const gate: Record<number, string> = {
    400: 'invalid_request: a NUL byte (`%00`) in the address',
    413: 'payload_too_large: a Content-Length over the route’s limit',
  };
  if (!op.gate?.streams) gate[411] = 'length_required: a body without a Content-Length (chunked)';
  if (WRITES.has(method)) {
    gate[403] = 'forbidden_origin: a foreign `Origin` (or `Sec-Fetch-Site: cross-site`)';
    gate[415] = 'unsupported_media_type: a non-empty body of another content type';
    if (op.gate?.limited !== false) gate[429] = 'rate_limited: past the per-address write limit';
  }
  return gate;
}

const errorRef = { $ref: '#/components/schemas/Error' };

function response(answer: Answer): JsonSchema {
  const out: JsonSchema = { description: answer.description };
  if (answer.json) {
    out.content = { 'application/json': { schema: answer.json === apiErrorSchema ? errorRef : jsonSchema(answer.json, 'output') } };
  } else if (answer.content) {
    out.content = Object.fromEntries(
      Object.entries(answer.content).map(([type, c]) => [type, type === 'application/json' ? {} : type.endsWith('+json') ? { schema: { type: 'object' } } : { schema: { type: 'string', ...(c.format ? { format: c.format } : {}) } }]),
    );
  }
  if (answer.headers) out.headers = Object.fromEntries(Object.entries(answer.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]));
  return out;
}

function responses(method: Method, op: Operation): JsonSchema {
  const all: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(op.responses)) all[status] = response(answer);
  for (const [status, why] of Object.entries(gateRefusals(method, op))) {
    const own = all[status];
    const isError = !own || (own.content as JsonSchema | undefined)?.['application/json'] !== undefined;
    if (!isError) continue; // the route answers this status in another form (an HTML page)
    all[status] = { description: own ? `${own.description as string}; ${why}` : why, content: { 'application/json': { schema: errorRef } } };
    if (status === '429') all[status]!.headers = { 'Retry-After': { description: 'seconds', schema: { type: 'string' } } };
  }
  return all;
}

function parameters(path: string, op: Operation): JsonSchema[] {
  const params: JsonSchema[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: op.params?.[name!] ? jsonSchema(op.params[name!]!, 'input') : { type: 'string' },
  }));
  if (op.query) {
    const q = jsonSchema(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const { description, ...rest } = schema;
      params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
    }
  }
  return params;
}

function operation(path: string, method: Method, op: Operation): JsonSchema {
  const out: JsonSchema = { summary: op.summary };
  if (op.description) out.description = op.description;
  const params = parameters(path, op);
  if (params.length) out.parameters = params;
  if (op.body) {
    out.requestBody =
      'json' in op.body
        ? { required: op.body.required ?? true, content: { 'application/json': { schema: jsonSchema(op.body.json, 'input') } } }
        : { required: op.body.required ?? true, content: { [op.body.type]: { schema: op.body.schema } } };
  }
  if (op.auth === 'session') out.security = [{ session: [] }];
  if (op.auth === 'participant') out.security = [{ session: [] }, { joinToken: [] }];
  out.responses = responses(method, op);
  return out;
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [path, ops] of Object.entries(apiRegistry)) {
    paths[path] = Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(path, method as Method, op)]));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chemins',
      version: '0.1.0',
      description:
        'Hybrid forums: programme, registration, open exports, live rooms. Generated from lib/api/routes.ts. Every request first passes the request gate (server/http/guard.ts): a method other than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, or one a path of this document does not have, is `405 method_not_allowed` with `Allow`; its other refusals are listed on each operation. Unknown paths under /api/ answer `404 not_found`. Refusals have the shape `{ error: { code, message, fields? } }`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: { Error: jsonSchema(apiErrorSchema, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The sign-in (magic link) session cookie; `__Secure-next-auth.session-token` over HTTPS.',
        },
        joinToken: { type: 'http', scheme: 'bearer', description: 'A registration’s personal link token (`Authorization: Bearer <token>`).' },
      },
    },
    paths,
  };
}

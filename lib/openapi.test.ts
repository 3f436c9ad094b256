import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { catchAllRoutes } from './api/routes';
import { openApiDocument } from './openapi';

/** Every route file under app/api, as an OpenAPI path (`[event]` → `{event}`; catch-alls as they are). */
function apiRoutes(dir = path.join(process.cwd(), 'app/api'), prefix = '/api'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return name === 'route.ts' ? [prefix] : [];
    if (name.startsWith('[...')) return readdirSync(full).includes('route.ts') ? [`${prefix}/${name}`] : [];
    return apiRoutes(full, `${prefix}/${name.replace(/^\[(.+)\]$/, '{$1}')}`);
  });
}

/** Routes the Node server answers itself, before Next (`export const ROUTE = '…'` in server/http). */
function serverRoutes(dir = path.join(process.cwd(), 'server/http')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const m = /export const ROUTE = '([^']+)'/.exec(readFileSync(path.join(dir, name), 'utf8'));
    return m ? [m[1]!] : [];
  });
}

/** The HTTP methods a route file exports. */
function exportedMethods(route: string): string[] {
  const file = path.join(process.cwd(), 'app', route.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
  const text = readFileSync(file, 'utf8');
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m} = |as ${m}\\b`).test(text)).map((m) => m.toLowerCase());
}

type Doc = ReturnType<typeof openApiDocument>;
type Op = { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> };
const op = (doc: Doc, p: string, method: string) => (doc.paths[p] as Record<string, Op>)[method]!;

describe('OpenAPI description', () => {
  const doc = openApiDocument('http://127.0.0.1:3000');

  it('describes every HTTP API route of the app, and nothing that does not exist (catch-alls are listed apart)', () => {
    expect(serverRoutes()).toContain('/api/events/{event}/registrations');
    const routes = [...apiRoutes(), ...serverRoutes()];
    const documented = [...Object.keys(doc.paths), ...Object.keys(catchAllRoutes)];
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('describes every method each route file exports, and no other', () => {
    for (const p of apiRoutes().filter((r) => !r.includes('[...'))) {
      expect(Object.keys(doc.paths[p]!).sort(), p).toEqual(exportedMethods(p).sort());
    }
  });

  it('carries only patterns a client can build values for (no Unicode property classes such as \\p{Cc})', () => {
    const patterns: string[] = [];
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === 'pattern' && typeof value === 'string') patterns.push(value);
      return value;
    });
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((p) => /\\[pP]\{/.test(p))).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('takes the registration body from the zod schema the route validates with', () => {
    const schema = op(doc, '/api/events/{event}/registrations', 'post').requestBody!.content['application/json']!.schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'consent']));
    expect(Object.keys(schema.properties!).sort()).toEqual(['answers', 'consent', 'email', 'invitationCode', 'modes', 'name', 'sessionIds', 'source']);
  });

  it('documents the seats on site and online: modes in the request, each seat’s mode, a hybrid session’s six fields', () => {
    const body = op(doc, '/api/events/{event}/registrations', 'post').requestBody!.content['application/json']!.schema;
    expect(body.properties!.modes).toBeDefined();
    const sessions = JSON.stringify(op(doc, '/api/events/{event}/sessions', 'get').responses['200']);
    for (const field of ['capacityOnsite', 'capacityOnline', 'confirmedOnsite', 'confirmedOnline', 'waitlistOnsite', 'waitlistOnline']) expect(sessions).toContain(field);
  });

  it('documents the request gate’s refusals and the error shape on every operation', () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(ops as Record<string, Op>)) {
        const codes = Object.keys(o.responses);
        expect(codes, `${method} ${p}`).toEqual(expect.arrayContaining(['400', '413']));
        if (method !== 'get') expect(codes, `${method} ${p}`).toEqual(expect.arrayContaining(['403', '415']));
      }
    }
    expect(op(doc, '/api/paths/{path}/order', 'put').responses['429']).toMatchObject({
      headers: { 'Retry-After': expect.anything() },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    expect(doc.components.schemas.Error).toMatchObject({ required: ['error'], additionalProperties: false });
  });

  it('documents non-JSON answers with their content types', () => {
    expect(Object.keys((op(doc, '/api/events/{event}/calendar.ics', 'get').responses['200'] as { content: object }).content)).toEqual(['text/calendar']);
    expect(Object.keys((op(doc, '/api/feed.atom', 'get').responses['200'] as { content: object }).content)).toEqual(['application/atom+xml']);
    expect(Object.keys((op(doc, '/api/sessions/{sessionId}/qa.md', 'get').responses['200'] as { content: object }).content)).toEqual(['text/markdown']);
  });
});

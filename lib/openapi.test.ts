import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

/** Every route file under app/api, as an OpenAPI path (`[event]` → `{event}`). */
function apiRoutes(dir = path.join(process.cwd(), 'app/api'), prefix = '/api'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return name === 'route.ts' ? [prefix] : [];
    if (name.startsWith('[...')) return []; // catch-alls (next-auth, the JSON 404)
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

describe('OpenAPI description', () => {
  const doc = openApiDocument('http://127.0.0.1:3000');
  it('describes every HTTP API route of the app, and nothing that does not exist', () => {
    expect(serverRoutes()).toContain('/api/events/{event}/registrations');
    expect(Object.keys(doc.paths).sort()).toEqual([...apiRoutes(), ...serverRoutes()].sort());
  });
  it('takes the registration body from the zod schema the route validates with', () => {
    const schema = doc.paths['/api/events/{event}/registrations'].post.requestBody.content['application/json'].schema as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'consent']));
    expect(Object.keys(schema.properties).sort()).toEqual(['answers', 'consent', 'email', 'invitationCode', 'name', 'sessionIds']);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { guardJson } from './write-guard';

const schema = z.object({ title: z.string().min(1) }).strict();
const req = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:3000/api/paths/x/resources', { method: 'POST', body, headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', ...headers } });
const code = async (r: Awaited<ReturnType<typeof guardJson>>) => (r.ok ? null : { status: r.response.status, code: ((await r.response.json()) as { error: { code: string } }).error.code });

describe('guardJson (public JSON writes of the paths API)', () => {
  it('accepts a small JSON body that the schema accepts', async () => {
    const r = await guardJson(req('{"title":"Fiche"}'), 'a', schema);
    expect(r).toEqual({ ok: true, data: { title: 'Fiche' } });
  });
  it('refuses other content types, other sites, large bodies, bad JSON and invalid fields with the error shape', async () => {
    expect(await code(await guardJson(req('{"title":"x"}', { 'content-type': 'text/plain' }), 'b', schema))).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await code(await guardJson(req('{"title":"x"}', { origin: 'https://evil.example' }), 'b', schema))).toEqual({ status: 403, code: 'cross_origin' });
    expect(await code(await guardJson(req(JSON.stringify({ title: 'x'.repeat(5000) })), 'b', schema, { maxBytes: 1024 }))).toEqual({ status: 413, code: 'body_too_large' });
    expect(await code(await guardJson(req('{"title":'), 'b', schema))).toEqual({ status: 400, code: 'invalid_json' });
    expect(await code(await guardJson(req('{"title":""}'), 'b', schema))).toEqual({ status: 400, code: 'invalid' });
    // A NUL character (no text column stores one) is refused before the schema, never a 500 from the database.
    const nul = await guardJson(req('{"title":"a\\u0000b"}'), 'b', schema);
    expect(nul.ok ? null : await nul.response.json()).toMatchObject({ error: { code: 'invalid', fields: { title: expect.any(String) } } });
  });
  it('limits the rate per person', async () => {
    for (let i = 0; i < 3; i++) expect((await guardJson(req('{"title":"x"}'), 'c', schema, { perTenMinutes: 3 })).ok).toBe(true);
    expect(await code(await guardJson(req('{"title":"x"}'), 'c', schema, { perTenMinutes: 3 }))).toEqual({ status: 429, code: 'rate_limited' });
  });
});

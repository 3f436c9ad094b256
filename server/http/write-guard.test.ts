import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRateLimiter, setRateLimiter } from '@/server/http/rate-limit';
import { guardJson } from './write-guard';

const schema = z.object({ title: z.string().min(1) }).strict();
const req = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:3000/api/paths/x/resources', { method: 'POST', body, headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', ...headers } });
const code = async (r: Awaited<ReturnType<typeof guardJson>>) => (r.ok ? null : { status: r.response.status, code: ((await r.response.json()) as { error: { code: string } }).error.code });

describe('guardJson (public JSON writes of the paths API)', () => {
  it('accepts a small JSON body that the schema accepts', async () => {
    const r = await guardJson(req('{"title":"Fiche"}'), ['pathWritesPerPerson', 'a'], schema);
    expect(r).toEqual({ ok: true, data: { title: 'Fiche' } });
  });
  it('refuses other content types, other sites, large bodies, bad JSON and invalid fields with the error shape', async () => {
    expect(await code(await guardJson(req('{"title":"x"}', { 'content-type': 'text/plain' }), ['pathWritesPerPerson', 'b'], schema))).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await code(await guardJson(req('{"title":"x"}', { origin: 'https://evil.example' }), ['pathWritesPerPerson', 'b'], schema))).toEqual({ status: 403, code: 'cross_origin' });
    expect(await code(await guardJson(req(JSON.stringify({ title: 'x'.repeat(5000) })), ['pathWritesPerPerson', 'b'], schema, { maxBytes: 1024 }))).toEqual({ status: 413, code: 'body_too_large' });
    expect(await code(await guardJson(req('{"title":'), ['pathWritesPerPerson', 'b'], schema))).toEqual({ status: 400, code: 'invalid_json' });
    expect(await code(await guardJson(req('{"title":""}'), ['pathWritesPerPerson', 'b'], schema))).toEqual({ status: 400, code: 'invalid' });
    // A NUL character (no text column stores one) is refused before the schema, never a 500 from the database.
    const nul = await guardJson(req('{"title":"a\\u0000b"}'), ['pathWritesPerPerson', 'b'], schema);
    expect(nul.ok ? null : await nul.response.json()).toMatchObject({ error: { code: 'invalid', fields: { title: expect.any(String) } } });
  });
  afterEach(() => setRateLimiter(undefined));
  it('limits the rate per person under its named limit, with Retry-After', async () => {
    setRateLimiter(await createRateLimiter({ windowSeconds: 600, points: { pathWritesPerPerson: 3 } }));
    for (let i = 0; i < 3; i++) expect((await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', 'c'], schema)).ok).toBe(true);
    const refused = await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', 'c'], schema);
    expect(refused.ok ? null : Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await code(refused)).toEqual({ status: 429, code: 'rate_limited' });
    // Another person, or another limit for the same person, has its own count.
    expect((await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', 'd'], schema)).ok).toBe(true);
    expect((await guardJson(req('{"title":"x"}'), ['proposalsPerPerson', 'c'], schema)).ok).toBe(true);
  });
  it('keeps a person’s count when more than 10,000 other keys are counted (no reset of the whole table)', async () => {
    setRateLimiter(await createRateLimiter({ windowSeconds: 600, points: { pathWritesPerPerson: 2 } }));
    for (let i = 0; i < 2; i++) expect((await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', 'flooded'], schema)).ok).toBe(true);
    for (let i = 0; i < 10_050; i++) await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', `other-${i}`], schema);
    expect(await code(await guardJson(req('{"title":"x"}'), ['pathWritesPerPerson', 'flooded'], schema))).toEqual({ status: 429, code: 'rate_limited' });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '@/lib/config';
import { BoundedMemoryLimiter, clientAddressOf, CLIENT_ADDRESS_HEADER, createRateLimiter, LIMITS, rateLimitSettings } from './rate-limit';

const refused = (p: Promise<unknown>) => p.then(() => false, () => true);

describe('BoundedMemoryLimiter (the limiter without Redis, and Redis’s insurance)', () => {
  afterEach(() => vi.useRealTimers());

  it('holds at most maxKeys keys, dropping the least recently counted, never resetting the others', async () => {
    const l = new BoundedMemoryLimiter({ points: 2, duration: 600 }, 1000);
    await l.consume('kept');
    await l.consume('kept');
    for (let i = 0; i < 999; i++) await l.consume(`flood-${i}`);
    expect(l.size).toBe(1000);
    // 'kept' is the oldest key now; counting it again makes it the most recent (and it is refused: its count survived).
    expect(await refused(l.consume('kept'))).toBe(true);
    for (let i = 0; i < 50; i++) await l.consume(`more-${i}`);
    expect(l.size).toBe(1000);
    expect(await refused(l.consume('kept'))).toBe(true);
    // The least recently counted keys went first.
    expect(await l.get('flood-0')).toBeNull();
    expect((await l.get('flood-998'))?.consumedPoints).toBe(1);
  });

  it('starts a new window once the old one is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const l = new BoundedMemoryLimiter({ points: 1, duration: 60 });
    await l.consume('a');
    const res = await l.consume('a').catch((r: { msBeforeNext: number }) => r);
    expect(res.msBeforeNext).toBeGreaterThan(59_000);
    vi.setSystemTime(Date.now() + 60_001);
    expect(await refused(l.consume('a'))).toBe(false);
  });

  it('is what createRateLimiter counts in without Redis: one key never resets the others', async () => {
    const limiter = await createRateLimiter({ windowSeconds: 600, points: { verificationsPerAddress: 1 }, memoryKeys: 1000 });
    expect(await limiter.hit('verificationsPerAddress', '203.0.113.7')).toBeNull();
    for (let i = 0; i < 20_000; i++) await limiter.hit('verificationsPerAddress', `2001:db8::${i.toString(16)}`);
    // Evicted (it is the oldest), but never before 1000 newer keys were counted; a recent key keeps its count.
    expect(await limiter.hit('verificationsPerAddress', '2001:db8::4e1f')).toBeGreaterThan(0);
    await limiter.close();
  });
});

describe('named limits', () => {
  it('each has a variable in the configuration, with a default; 0 switches it off', async () => {
    const c = parseConfig({});
    const s = rateLimitSettings(c);
    for (const [name, l] of Object.entries(LIMITS)) expect(s.points[name as keyof typeof LIMITS], l.variable).toBeGreaterThan(0);
    expect(s.points.uploadsPerPerson).toBe(30);
    const off = rateLimitSettings(parseConfig({ RATE_LIMIT_UPLOADS_PER_PERSON: '0' }));
    const limiter = await createRateLimiter(off);
    for (let i = 0; i < 100; i++) expect(await limiter.hit('uploadsPerPerson', 'user:x')).toBeNull();
    await limiter.close();
  });

  it('clientAddressOf reads the address the gate trusts, never X-Forwarded-For', () => {
    const req = new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': '198.51.100.9', [CLIENT_ADDRESS_HEADER]: '203.0.113.7' } });
    expect(clientAddressOf(req)).toBe('203.0.113.7');
    expect(clientAddressOf(req.headers)).toBe('203.0.113.7');
    expect(clientAddressOf(new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': '198.51.100.9' } }))).toBe('unknown');
    // What a server action's `await headers()` gives in the built app: a proxy that says it has any property.
    const adapter = new Proxy(req.headers, {
      has: () => true,
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(clientAddressOf(adapter)).toBe('203.0.113.7');
  });
});

describe('one place reads X-Forwarded-For', () => {
  it('only the request gate (server/http/guard.ts) reads it; routes and actions use clientAddressOf', () => {
    const root = path.resolve(__dirname, '../..');
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && /['"`]x-forwarded-for['"`]/i.test(readFileSync(path.join(root, rel), 'utf8'))) readers.push(rel);
      }
    };
    for (const dir of ['app', 'components', 'db', 'lib', 'server']) walk(dir);
    expect(readers).toEqual([path.join('server', 'http', 'guard.ts')]);
  });
});

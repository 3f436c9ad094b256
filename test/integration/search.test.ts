import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResource } from '@/server/paths/create-resource';
import { search } from '@/db/queries/search';
import { seed } from '@/db/seed';
import { createResourceRequest } from '@/lib/domain/resources';
import { GET as searchRoute } from '@/app/api/search/route';
import { seedCoordinator } from './factories';
import { type Driver, useFreshDatabase } from './support';

const get = async (query: string) => {
  const res = await searchRoute(new Request(`http://127.0.0.1/api/search?${query}`));
  return { status: res.status, body: (await res.json()) as { results?: { type: string; slug: string; title: string; snippet: string; url: string }[]; error?: { code: string } } };
};

describe.each<Driver>(['postgres', 'pglite'])('full-text search (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    const { actor } = await seedCoordinator(db.handle.db, { email: 'coord@chemins.test', pathSlug: 'climat-et-biodiversite' });
    await createResource(
      actor,
      'climat-et-biodiversite',
      createResourceRequest.parse({
        title: 'Haies bocagères et <script>alert(1)</script> oiseaux',
        summary: 'Replanter des haies pour les oiseaux & les insectes',
        format: 'document',
        licence: 'CC0-1.0',
        publish: true,
      }),
    );
    await createResource(actor, 'climat-et-biodiversite', createResourceRequest.parse({ title: 'Brouillon sur les haies secrètes', format: 'document' }));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finds “Vers une santé ouverte” for “sante” (accents ignored, French stemming)', async () => {
    const hits = await search({ q: 'sante' });
    expect(hits.find((h) => h.type === 'path')?.slug).toBe('vers-une-sante-ouverte');
    expect((await search({ q: 'SANTÉ' })).some((h) => h.slug === 'vers-une-sante-ouverte')).toBe(true);
  });

  it('finds a resource about “coopération ouverte” for “coopératives”', async () => {
    const hits = await search({ q: 'coopératives' });
    expect(hits.map((h) => h.slug)).toContain('plan-climat-cooperation-ouverte');
  });

  it('searches English content under English stemming, and programme sessions too', async () => {
    expect((await search({ q: 'engineers hospitals' })).map((h) => h.slug)).toContain('open-health-interview');
    const sessions = await search({ q: 'makers coronavirus' });
    const s = sessions.find((h) => h.type === 'session')!;
    expect(s.url).toBe('/events/forum-usages-cooperatifs-2020/sessions/conference-makers-contre-le-coronavirus');
  });

  it('filters by path, format, licence and language', async () => {
    const byPath = await search({ q: 'coopération', path: 'enseigner-les-transitions' });
    expect(byPath.length).toBeGreaterThan(0);
    expect(byPath.every((h) => h.slug === 'enseigner-les-transitions' || h.type !== 'path')).toBe(true);
    expect(byPath.map((h) => h.slug)).not.toContain('plan-climat-cooperation-ouverte');
    const byFormat = await search({ q: 'coopération', format: 'meeting_report' });
    expect(byFormat.length).toBeGreaterThan(0);
    expect(byFormat.every((h) => h.type === 'resource')).toBe(true);
    expect((await search({ q: 'haies', licence: 'CC0-1.0' })).map((h) => h.slug)).toEqual(['haies-bocageres-et-script-alert-1-script-oiseaux']);
    expect(await search({ q: 'haies', licence: 'CC-BY-4.0' })).toEqual([]);
    expect((await search({ q: 'open', lang: 'en' })).every((h) => h.type !== 'path')).toBe(true);
  });

  it('highlights the match in an escaped snippet and finds only published resources', async () => {
    const [hit] = await search({ q: 'oiseaux' });
    expect(hit!.title).toContain('<script>');
    expect(hit!.snippet).toContain('<mark>oiseaux</mark>');
    expect(hit!.snippet).toContain('&amp;');
    expect(hit!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect((await search({ q: 'secrètes' })).length).toBe(0);
  });

  it('answers a hostile or empty query with a 400 or an empty result, never a 500', async () => {
    for (const q of ['', '   ', "'); drop table resources; --", '!!!&&|||(((', ':*', '"unterminated', 'le la les', '\\', '%00', 'a'.repeat(200)]) {
      const res = await get(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.results)).toBe(true);
    }
    expect((await get('q=x'.padEnd(210, 'x'))).status).toBe(400);
    expect((await get('q=sante&format=nope')).status).toBe(400);
    expect((await get('q=sante&path=../../etc')).status).toBe(400);
    const ok = await get('q=sante');
    expect(Object.keys(ok.body.results![0]!)).toEqual(expect.arrayContaining(['type', 'slug', 'title', 'snippet', 'url']));
  });
});

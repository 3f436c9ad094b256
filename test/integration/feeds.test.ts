import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { GET as siteFeed } from '@/app/api/feed.atom/route';
import { GET as pathFeed } from '@/app/api/paths/[path]/feed.atom/route';
import { createResource } from '@/server/paths/create-resource';
import { seed } from '@/db/seed';
import { createResourceRequest } from '@/lib/domain/resources';
import { seedCoordinator } from './factories';
import { type Driver, useFreshDatabase } from './support';

type XmlNode = Record<string, unknown>;
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The RFC 4287 requirements a reader relies on, checked on the XML itself. */
function checkAtom(xml: string) {
  const doc = convert(xml, { format: 'object' }) as { feed: XmlNode };
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const el of ['id', 'title', 'updated', 'author']) expect(feed[el], `feed/${el}`).toBeDefined();
  expect(list(feed.link as XmlNode | XmlNode[]).some((l) => l['@rel'] === 'self')).toBe(true);
  const entries = list(feed.entry as XmlNode | XmlNode[]);
  const ids = new Set<string>();
  for (const e of entries) {
    for (const el of ['id', 'title', 'updated']) expect(e[el], `entry/${el}`).toBeDefined();
    expect(list(e.link as XmlNode | XmlNode[]).some((l) => l['@href'] && (!l['@rel'] || l['@rel'] === 'alternate'))).toBe(true);
    expect(Number.isNaN(Date.parse(String(e.updated)))).toBe(false);
    ids.add(String(e.id));
  }
  expect(ids.size).toBe(entries.length);
  return entries;
}

describe.each<Driver>(['postgres', 'pglite'])('Atom feeds (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;

  beforeAll(async () => {
    process.env.PUBLIC_URL = 'http://127.0.0.1:3999';
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    const coord = await seedCoordinator(db.handle.db, { email: 'coord@chemins.test', pathSlug: 'vers-une-sante-ouverte' });
    await createResource(
      coord.actor,
      'vers-une-sante-ouverte',
      createResourceRequest.parse({
        title: 'Nouvelle fiche & <santé>',
        summary: 'Un résumé',
        body: 'Texte **gras** <script>alert(1)</script> [lien](javascript:alert(1)) <img src=x onerror=alert(1)>',
        format: 'initiative',
        licence: 'CC-BY-SA-4.0',
        authors: [{ name: 'Collectif (démo)', kind: 'organization' }],
        publish: true,
      }),
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('serves a valid Atom feed of one path, parsed by a real feed parser, newest first', async () => {
    const res = await pathFeed(new Request('http://127.0.0.1/api/paths/vers-une-sante-ouverte/feed.atom'), { params: Promise.resolve({ path: 'vers-une-sante-ouverte' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    const entries = checkAtom(xml);
    const feed = parseFeed(xml);
    expect(feed.title).toBe('Vers une santé ouverte — Chemins');
    expect(feed.self).toBe('http://127.0.0.1:3999/api/paths/vers-une-sante-ouverte/feed.atom');
    expect(feed.items.length).toBe(entries.length);
    expect(feed.items.length).toBe(5);
    const first = feed.items[0]!;
    expect(first.title).toBe('Nouvelle fiche & <santé>');
    expect(first.url).toBe('http://127.0.0.1:3999/resources/nouvelle-fiche-sante');
    expect(first.authors.map((a) => a.name)).toEqual(['Collectif (démo)']);
    expect(first.content).toContain('<strong>gras</strong>');
    expect(first.content).not.toMatch(/<script|javascript:|onerror/i);
    // Proposals waiting for review are not in the feed.
    expect(feed.items.map((i) => i.url)).not.toContain('http://127.0.0.1:3999/resources/proposition-jardin-partage-hopital');
  });

  it('serves the whole site’s feed with every path’s resources, and a 404 for an unknown path', async () => {
    const xml = await (await siteFeed(new Request('http://127.0.0.1/api/feed.atom'))).text();
    checkAtom(xml);
    const feed = parseFeed(xml);
    expect(feed.items.length).toBeGreaterThanOrEqual(22);
    expect(new Set(feed.items.flatMap((i) => i.categories.map((c) => c.term))).size).toBe(7);
    const missing = await pathFeed(new Request('http://127.0.0.1/api/paths/nope/feed.atom'), { params: Promise.resolve({ path: 'nope' }) });
    expect(missing.status).toBe(404);
  });

  it('writes the feeds’ own texts in the requester’s language (cookie, else Accept-Language, else French), marked with xml:lang, and caches vary on it', async () => {
    const site = (headers: Record<string, string>) => siteFeed(new Request('http://127.0.0.1/api/feed.atom', { headers }));
    const fr = await site({});
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.headers.get('vary')).toBe('Accept-Language, Cookie');
    const frXml = await fr.text();
    expect(frXml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(parseFeed(frXml).title).toBe('Chemins — les ressources des chemins de la coopération');
    const en = await site({ 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' });
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.headers.get('cache-control')).toBe('public, max-age=300');
    const enXml = await en.text();
    checkAtom(enXml);
    expect(enXml).toContain('xml:lang="en"');
    const enFeed = parseFeed(enXml);
    expect(enFeed.title).toBe('Chemins — resources of the paths of cooperation');
    expect(enFeed.description).toBe('Every resource published on the paths of cooperation');
    expect(enFeed.language).toBe('en');
    // The chosen language (the header's switch, a cookie) wins over the browser's.
    const chosen = await (await site({ cookie: 'locale=fr', 'accept-language': 'en' })).text();
    expect(chosen).toContain('xml:lang="fr"');
    const path = await pathFeed(new Request('http://127.0.0.1/api/paths/vers-une-sante-ouverte/feed.atom', { headers: { cookie: 'locale=en' } }), {
      params: Promise.resolve({ path: 'vers-une-sante-ouverte' }),
    });
    expect(path.headers.get('vary')).toBe('Accept-Language, Cookie');
    const pathXml = await path.text();
    checkAtom(pathXml);
    expect(parseFeed(pathXml).language).toBe('en');
  });
});

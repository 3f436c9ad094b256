import { Feed } from 'feed';
import { licenceOf } from '@/lib/domain/resources';
import type { Locale } from '@/lib/i18n';
import { renderMarkdown } from '@/lib/markdown';

// Atom feeds (RFC 4287) of published resources: one per path and one for the whole site, built
// with the `feed` library. Entry content is the resource's Markdown through the sanitising
// pipeline (lib/markdown); every link points to the resource's page.

export type AtomEntry = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  licence: string;
  authors: { name: string; organization?: string | null }[];
  publishedAt: Date;
  updatedAt: Date;
  paths: { slug: string; title: string }[];
};

export type AtomInput = {
  baseUrl: string;
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  /** The page the feed follows (rel="alternate"). */
  pageUrl: string;
  title: string;
  subtitle: string;
  /** Stable id of the feed (a tag URI is kept even if the site moves). */
  id: string;
  /** The language of the feed's own texts (`xml:lang` on `<feed>`): the requester's. */
  language: Locale;
  /** When the feed has no entry yet. */
  fallbackUpdated: Date;
  entries: AtomEntry[];
};

/** The Atom document (UTF-8 XML). */
export function buildAtom(input: AtomInput): string {
  const updated = input.entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0));
  const feed = new Feed({
    id: input.id,
    title: input.title,
    description: input.subtitle,
    link: input.pageUrl,
    language: input.language,
    updated: input.entries.length ? updated : input.fallbackUpdated,
    generator: 'Chemins',
    feedLinks: { atom: input.selfUrl },
    // Atom requires an author on the feed when an entry has none.
    author: { name: 'Chemins', link: input.baseUrl },
  });
  for (const e of input.entries) {
    const licence = licenceOf(e.licence);
    feed.addItem({
      id: `${input.baseUrl}/resources/${e.slug}`,
      title: e.title,
      link: `${input.baseUrl}/resources/${e.slug}`,
      date: e.updatedAt,
      published: e.publishedAt,
      description: e.summary || undefined,
      content: renderMarkdown(e.body),
      // An erased author (empty name, docs/privacy.md) is left out.
      author: e.authors.some((a) => a.name) ? e.authors.filter((a) => a.name).map((a) => ({ name: a.organization ? `${a.name} (${a.organization})` : a.name })) : undefined,
      category: e.paths.map((p) => ({ term: p.slug, name: p.title, scheme: `${input.baseUrl}/paths` })),
      copyright: licence.url ? `${licence.name} — ${licence.url}` : licence.name,
    });
  }
  return withLanguage(feed.atom1(), input.language);
}

/**
 * Marks an Atom document's language (`xml:lang` on `<feed>`, RFC 4287 §2): the `feed` library
 * writes it in RSS only. Entries written in another language keep theirs unmarked.
 */
export function withLanguage(atom: string, language: Locale): string {
  return atom.replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`);
}

/** The response headers of a feed in the requester's language: caches keep one copy per language. */
export function feedHeaders(language: Locale, maxAge: number): HeadersInit {
  return {
    'content-type': 'application/atom+xml; charset=utf-8',
    'content-language': language,
    'cache-control': `public, max-age=${maxAge}`,
    vary: 'Accept-Language, Cookie',
  };
}

import { z } from 'zod';
import { LANGUAGES, LICENCE_IDS, RESOURCE_FORMATS } from './resources';

/** `GET /api/search` query parameters; anything else in them is ignored. */
export const searchRequest = z.object({
  q: z.string().max(200, 'at most 200 characters').default(''),
  path: z.string().trim().max(200).regex(/^[a-z0-9-]+$/, 'a path slug').optional(),
  format: z.enum(RESOURCE_FORMATS).optional(),
  licence: z.enum(LICENCE_IDS).optional(),
  lang: z.enum(LANGUAGES).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type SearchFilters = z.output<typeof searchRequest>;

export type SnippetPart = { text: string; match: boolean };

export type SearchHit = {
  type: 'path' | 'resource' | 'session';
  slug: string;
  title: string;
  /** HTML-escaped text in which the matched words are wrapped in `<mark>`; nothing else is markup. */
  snippet: string;
  /** The same snippet as parts, for renderers that build elements themselves. */
  snippetParts: SnippetPart[];
  url: string;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Split a ts_headline result whose matches are between `start` and `stop` markers into parts,
 * and build its safe HTML: every part escaped, matches in `<mark>`. Markers that would be
 * unbalanced are dropped; whitespace is collapsed.
 */
export function highlightParts(headline: string, start: string, stop: string): { parts: SnippetPart[]; html: string } {
  const parts: SnippetPart[] = [];
  let match = false;
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ text: buf, match });
    buf = '';
  };
  for (const ch of headline.replace(/\s+/g, ' ').trim()) {
    if (ch === start && !match) {
      flush();
      match = true;
    } else if (ch === stop && match) {
      flush();
      match = false;
    } else if (ch !== start && ch !== stop) buf += ch;
  }
  flush();
  const html = parts.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
  return { parts, html };
}

export function searchHitUrl(baseUrl: string, type: SearchHit['type'], slug: string, eventSlug: string | null): string {
  if (type === 'path') return `${baseUrl}/paths/${slug}`;
  if (type === 'resource') return `${baseUrl}/resources/${slug}`;
  return `${baseUrl}/events/${eventSlug}/sessions/${slug}`;
}

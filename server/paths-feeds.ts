import { feedResources } from '@/db/queries/resources';
import { publicUrl } from '@/lib/config';
import { buildAtom } from '@/lib/feeds/atom';
import { apiError } from '@/lib/http';
import { translator } from './paths-mail';

/** `GET /api/feed.atom` (every path) and `GET /api/paths/{path}/feed.atom` (one path). */
export async function atomResponse(pathSlug?: string): Promise<Response> {
  const data = await feedResources({ pathSlug, limit: 50 });
  if (!data) return apiError(404, 'path_not_found', 'No such path.');
  const base = publicUrl();
  // Feeds are read by programs without a language preference: French, the site's first language.
  const t = translator('fr');
  const host = new URL(base).hostname;
  const xml = buildAtom({
    baseUrl: base,
    selfUrl: data.path ? `${base}/api/paths/${data.path.slug}/feed.atom` : `${base}/api/feed.atom`,
    pageUrl: data.path ? `${base}/paths/${data.path.slug}` : `${base}/paths`,
    title: data.path ? t('feedPathTitle', { path: data.path.title }) : t('feedSiteTitle'),
    subtitle: data.path ? data.path.summary || data.path.title : t('feedSiteSubtitle'),
    id: data.path ? `tag:${host},2020:paths/${data.path.slug}` : `tag:${host},2020:resources`,
    language: 'fr',
    fallbackUpdated: data.path?.updatedAt ?? new Date('2020-07-08T12:00:00Z'),
    entries: data.entries,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}

import { getDb } from '@/db/client';
import { publishedEntries } from '@/db/queries/resources/feeds';
import { pathBySlug } from '@/db/queries/resources/rows';
import { publicUrl } from '@/lib/config';
import { buildAtom, feedHeaders } from '@/lib/feeds/atom';
import { apiError } from '@/server/http/respond';
import { localeOf } from '../catalogue';
import { translator } from './mail';

/**
 * `GET /api/feed.atom` (every path) and `GET /api/paths/{path}/feed.atom` (one path), their own
 * texts in the requester's language (cookie, else Accept-Language, else French).
 */
export async function atomResponse(req: Request, pathSlug?: string): Promise<Response> {
  const data = await feedResources(pathSlug);
  if (!data) return apiError(404, 'path_not_found', 'No such path.');
  const base = publicUrl();
  // Feed readers mostly send no language preference: French then, the site's first language.
  const locale = localeOf(req);
  const t = translator(locale);
  const host = new URL(base).hostname;
  const xml = buildAtom({
    baseUrl: base,
    selfUrl: data.path ? `${base}/api/paths/${data.path.slug}/feed.atom` : `${base}/api/feed.atom`,
    pageUrl: data.path ? `${base}/paths/${data.path.slug}` : `${base}/paths`,
    title: data.path ? t('feedPathTitle', { path: data.path.title }) : t('feedSiteTitle'),
    subtitle: data.path ? data.path.summary || data.path.title : t('feedSiteSubtitle'),
    id: data.path ? `tag:${host},2020:paths/${data.path.slug}` : `tag:${host},2020:resources`,
    language: locale,
    fallbackUpdated: data.path?.updatedAt ?? new Date('2020-07-08T12:00:00Z'),
    entries: data.entries,
  });
  return new Response(xml, { headers: feedHeaders(locale, 300) });
}

/** The 50 latest published resources, newest first: the whole site's, or one path's (null when the path is unknown or a draft). */
async function feedResources(pathSlug?: string) {
  const db = await getDb();
  const path = pathSlug ? await pathBySlug(db, pathSlug) : null;
  if (path === undefined || path?.status === 'draft') return null;
  return { path, entries: await publishedEntries(db, path?.id ?? null, 50) };
}

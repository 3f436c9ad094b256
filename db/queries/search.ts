import { sql } from 'drizzle-orm';
import { type SearchFilters, type SearchHit, highlightParts, searchHitUrl } from '@/lib/domain/search';
import { executePrepared, getDb } from '../client';

// Full-text search over paths, resources and programme sessions (db/migrations/0009_search.sql:
// generated tsvector columns under the `chemins_fr` / `chemins_en` configurations, both
// unaccented, GIN indexes). The same SQL runs on Postgres and PGlite.

/** Markers ts_headline puts around matches: control characters that no stored text contains. */
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Search: published resources, active paths and public sessions matching `q`, best first
 * (rank, then type), with a highlighted snippet. Filters: `path` (slug: that path, its
 * resources, its linked sessions), `format`, `licence`, `lang` (resources only when given).
 * An empty query (or one of stop words only) finds nothing.
 */
export async function search(filters: SearchFilters, baseUrl = ''): Promise<SearchHit[]> {
  const q = filters.q.trim();
  if (!q) return [];
  const limit = Math.min(filters.limit ?? 20, 50);
  const resourceOnly = Boolean(filters.format || filters.licence);
  const db = await getDb();
  // One statement: the three kinds matched on their GIN index and ranked, carrying only their id
  // and rank (as the bare query does); the texts are read, and ts_headline (the costly part) run,
  // for the kept rows only.
  const rows = await executePrepared<{ type: 'path' | 'resource' | 'session'; slug: string; title: string; event_slug: string | null; headline: string }>(
    db,
    sql`
    with query as (select public.chemins_search_query(${q}) as tsq),
    hits as (
      select 'resource'::text as type, r.id, ts_rank(r.search, query.tsq) as rank
        from resources r, query
       where r.search @@ query.tsq and r.status = 'published'
         and (${filters.format ?? null}::text is null or r.format::text = ${filters.format ?? null}::text)
         and (${filters.licence ?? null}::text is null or r.licence = ${filters.licence ?? null}::text)
         and (${filters.lang ?? null}::text is null or r.language = ${filters.lang ?? null}::text)
         and (${filters.path ?? null}::text is null or exists (
               select 1 from resource_paths rp join paths p on p.id = rp.path_id
                where rp.resource_id = r.id and p.slug = ${filters.path ?? null}::text))
      union all
      select 'path', p.id, ts_rank(p.search, query.tsq)
        from paths p, query
       where not ${resourceOnly} and p.search @@ query.tsq and p.status = 'active'
         and (${filters.lang ?? null}::text is null or p.language = ${filters.lang ?? null}::text)
         and (${filters.path ?? null}::text is null or p.slug = ${filters.path ?? null}::text)
      union all
      select 'session', s.id, ts_rank(s.search, query.tsq)
        from programme_sessions s, query
       where not ${resourceOnly} and s.search @@ query.tsq and s.visibility = 'public' and s.status <> 'cancelled' and not s.draft
         and (${filters.lang ?? null}::text is null or s.language = ${filters.lang ?? null}::text)
         and (${filters.path ?? null}::text is null or exists (
               select 1 from path_sessions ps join paths p on p.id = ps.path_id
                where ps.session_id = s.id and p.slug = ${filters.path ?? null}::text))
    ),
    best as (select * from hits order by rank desc, type, id limit ${limit})
    select best.type,
           coalesce(r.slug, p.slug, s.slug) as slug,
           coalesce(r.title, p.title, s.title) as title,
           e.slug as event_slug,
           ts_headline(public.chemins_search_config(coalesce(r.language, p.language, s.language)),
                       case best.type
                         when 'resource' then coalesce(nullif(r.summary, ''), '') || ' ' || left(r.body, 1500)
                         when 'path' then p.summary || ' ' || left(p.description, 1500)
                         else left(s.description, 1500) end,
                       query.tsq, ${HEADLINE}) as headline
      from best cross join query
      left join resources r on best.type = 'resource' and r.id = best.id
      left join paths p on best.type = 'path' and p.id = best.id
      left join programme_sessions s on best.type = 'session' and s.id = best.id
      left join events e on e.id = s.event_id
     order by best.rank desc, best.type, best.id`,
  );
  return rows.map((r) => {
    const parts = highlightParts(r.headline, START, STOP);
    return {
      type: r.type,
      slug: r.slug,
      title: r.title,
      snippet: parts.html,
      snippetParts: parts.parts,
      url: searchHitUrl(baseUrl, r.type, r.slug, r.event_slug),
    };
  });
}

/**
 * The bare query of bench/search: the same tsvector match and rank on resources, without the
 * app around it (no filters, no headline, no HTTP).
 */
export async function bareResourceSearch(q: string, limit = 20): Promise<{ slug: string }[]> {
  const db = await getDb();
  return executePrepared<{ slug: string }>(
    db,
    sql`select r.slug from resources r, public.chemins_search_query(${q}) tsq
         where r.search @@ tsq and r.status = 'published'
         order by ts_rank(r.search, tsq) desc limit ${limit}`,
  );
}

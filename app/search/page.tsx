import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OptionSelect } from '@/components/OptionSelect';
import { resourceOptions } from '@/components/paths/options';
import { listPaths } from '@/server/paths/list-paths';
import { search } from '@/db/queries/search';
import { searchRequest } from '@/lib/domain/search';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('paths.search');
  return { title: t('title') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** `/search`: published resources, paths and sessions, filtered by path, format, licence and language; matches highlighted. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const raw = { q: one(sp.q) ?? '', path: one(sp.path), format: one(sp.format), licence: one(sp.licence), lang: one(sp.lang) };
  // A filter that is not one of the choices is dropped, never an error page.
  const first = searchRequest.safeParse(raw);
  const bad = new Set(first.success ? [] : first.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const filters = searchRequest.safeParse({ q: raw.q.slice(0, 200), ...kept }).data ?? { q: '' };
  const chosen: Record<string, string | undefined> = { path: filters.path, format: filters.format, licence: filters.licence, lang: filters.lang };
  const [t, tp, paths, options] = await Promise.all([getTranslations('paths.search'), getTranslations('paths'), listPaths(), resourceOptions()]);
  const hits = filters.q.trim() ? await search(filters) : null;
  const select = (name: 'path' | 'format' | 'licence' | 'lang', label: string, opts: { value: string; label: string }[]) => (
    <OptionSelect name={name} label={label} emptyLabel={tp('all')} value={chosen[name]} options={opts} />
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" role="search" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-64 flex-1 flex-col text-sm">
            <span className="font-medium">{t('query')}</span>
            <input type="search" name="q" defaultValue={filters.q} maxLength={200} className="rounded border border-stone-300 px-2 py-1.5 text-base" />
          </label>
          <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
            {t('submit')}
          </button>
        </div>
        <div className="flex flex-wrap gap-3">
          {select('path', tp('path'), paths.map((p) => ({ value: p.slug, label: p.title })))}
          {select('format', tp('format'), options.formats)}
          {select('licence', tp('licence'), options.licences)}
          {select('lang', tp('language'), options.languages)}
        </div>
      </form>
      {hits === null ? (
        <p className="text-stone-600">{t('hint')}</p>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="text-lg font-semibold" role="status">
            {t('results', { count: hits.length })}
          </h2>
          <ol className="mt-3 space-y-3" data-testid="search-results">
            {hits.map((h) => (
              <li key={`${h.type}:${h.url}`} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="text-xs uppercase tracking-wide text-stone-500">{t(`kinds.${h.type}`)}</p>
                <h3 className="font-semibold">
                  <Link href={h.url}>{h.title}</Link>
                </h3>
                {h.snippetParts.length > 0 && (
                  <p className="mt-1 text-sm text-stone-700">
                    {h.snippetParts.map((p, i) =>
                      p.match ? (
                        <mark key={i} className="rounded bg-amber-200 px-0.5">
                          {p.text}
                        </mark>
                      ) : (
                        <span key={i}>{p.text}</span>
                      ),
                    )}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

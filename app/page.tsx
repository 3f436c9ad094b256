import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateRange } from '@/components/format';
import { listEvents } from '@/db/queries/events';
import { listPaths } from '@/db/queries/paths';
import { markdownToText } from '@/lib/markdown';

export default async function HomePage() {
  const [events, paths, locale, t] = await Promise.all([listEvents(), listPaths(), getLocale(), getTranslations('home')]);
  const ordered = [...events.filter((e) => e.isDemo), ...events.filter((e) => !e.isDemo).reverse()];
  return (
    <div className="space-y-10">
      <section aria-labelledby="events-title">
        <h1 id="events-title" className="mb-4 text-2xl font-bold">
          {t('title')}
        </h1>
        {ordered.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2" data-testid="event-list">
            {ordered.map((e) => (
              <li key={e.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <h2 className="text-lg font-semibold">
                  <Link href={`/events/${e.slug}`}>{e.title}</Link>
                </h2>
                <p className="text-sm text-stone-600">
                  {formatDateRange(e.startsAt, e.endsAt, locale, e.timeZone)}
                  {e.location ? ` · ${e.location}` : ''}
                  {e.isDemo && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t('demo')}</span>}
                </p>
                <p className="mt-2 line-clamp-3 text-sm">{e.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {paths.length > 0 && (
        <section aria-labelledby="paths-title">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="paths-title" className="text-xl font-bold">
              <Link href="/paths">{t('paths')}</Link>
            </h2>
            <Link href="/paths" className="text-sm">
              {t('allPaths')} →
            </Link>
          </div>
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="path-list">
            {paths.map((p) => (
              <li key={p.slug} className="rounded-lg border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">
                  <Link href={`/paths/${p.slug}`}>{p.title}</Link>
                </h3>
                <p className="mt-1 line-clamp-3 text-sm">{p.summary || markdownToText(p.description)}</p>
                {p.coordinators.length > 0 && (
                  <p className="mt-2 text-xs text-stone-600">
                    {t('coordinators')} :{' '}
                    {p.coordinators.map((c) => (c.organization && c.kind !== 'organization' ? `${c.name} (${c.organization})` : c.name)).join(', ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

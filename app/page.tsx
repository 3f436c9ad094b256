import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { BADGE_CLASS, BadgeList } from '@/components/BadgeList';
import { formatDateRange, formatTime } from '@/lib/format';
import { LocalTime } from '@/components/LocalTime';
import { localTimeTemplate } from '@/components/local-time-template';
import { SessionBadges } from '@/components/SessionBadges';
import { listEvents, liveSessions } from '@/db/queries/events';
import { listPaths } from '@/server/paths/list-paths';
import { markdownToText } from '@/lib/markdown';

export default async function HomePage() {
  const [events, paths, live, locale, t, tLive, tMode, tBadge, localTime] = await Promise.all([
    listEvents(),
    listPaths(),
    liveSessions(),
    getLocale(),
    getTranslations('home'),
    getTranslations('liveNow'),
    getTranslations('mode'),
    getTranslations('badge'),
    localTimeTemplate(),
  ]);
  const liveEvents = new Set(live.map((s) => s.eventSlug));
  const ordered = [...events.filter((e) => e.isDemo), ...events.filter((e) => !e.isDemo).reverse()];
  return (
    <div className="space-y-10">
      <section aria-labelledby="events-title">
        <h1 id="events-title" className="mb-4 text-2xl font-bold">
          {t('title')}
        </h1>
        {live.length > 0 && (
          <section aria-labelledby="live-now-title" data-testid="live-now" className="mb-6 rounded-lg border-2 border-live bg-white p-4">
            <h2 id="live-now-title" className="flex items-center gap-2 text-lg font-bold">
              <span className="inline-block h-2.5 w-2.5 rounded-full bg-live" aria-hidden /> {tLive('title')}
            </h2>
            <ul className="mt-2 divide-y divide-stone-200">
              {live.map((s) => {
                const href = `/events/${s.eventSlug}/sessions/${s.slug}`;
                return (
                  <li key={`${s.eventSlug}/${s.slug}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3" data-session-slug={s.slug}>
                    <div className="min-w-0">
                      <p className="text-xs uppercase tracking-wide text-stone-500">
                        {tMode(s.mode)} · <Link href={`/events/${s.eventSlug}`}>{s.eventTitle}</Link>
                      </p>
                      <h3 className="font-semibold">
                        <Link href={href}>{s.title}</Link> <SessionBadges session={s} />
                      </h3>
                      <p className="text-sm tabular-nums text-stone-700">
                        {formatTime(s.startsAt, locale, s.timeZone)}–{formatTime(s.endsAt, locale, s.timeZone)} ({s.timeZone})
                        <LocalTime start={s.startsAt} end={s.endsAt} timeZone={s.timeZone} locale={locale} template={localTime} />
                      </p>
                    </div>
                    <Link href={`${href}#live-title`} className="inline-block rounded bg-live px-4 py-2 font-medium text-white no-underline hover:no-underline" data-testid="live-now-follow">
                      {tLive('follow')}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {ordered.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2" data-testid="event-list">
            {ordered.map((e) => (
              <li key={e.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <h2 className="text-lg font-semibold">
                  <Link href={`/events/${e.slug}`}>{e.title}</Link>{' '}
                  {liveEvents.has(e.slug) && <BadgeList badges={[{ key: 'live', label: tBadge('live'), className: BADGE_CLASS.live }]} />}
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

import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTime } from '@/lib/format';
import type { ContributedSession } from '@/lib/domain/people';
import { localDate } from '@/lib/domain/time';

/** Sessions across events (a speaker's or an organization's), grouped by event, each with the part taken. */
export async function SessionList({ sessions }: { sessions: ContributedSession[] }) {
  const [locale, t, tRole, tKind, tFormat] = await Promise.all([
    getLocale(),
    getTranslations('people'),
    getTranslations('role'),
    getTranslations('kind'),
    getTranslations('format'),
  ]);
  if (!sessions.length) return <p className="text-sm text-stone-600">{t('noSessions')}</p>;
  const byEvent = new Map<string, ContributedSession[]>();
  for (const s of sessions) byEvent.set(s.event.slug, [...(byEvent.get(s.event.slug) ?? []), s]);
  return (
    <div className="space-y-4" data-testid="contributed-sessions">
      {[...byEvent.values()].map((list) => {
        const event = list[0]!.event;
        return (
          <section key={event.slug} data-event={event.slug}>
            <h3 className="font-semibold">
              <Link href={`/events/${event.slug}`}>{event.title}</Link>
            </h3>
            <ul className="mt-1 space-y-1 text-sm">
              {list.map((s) => (
                <li key={`${s.slug}:${s.role}`} data-session-slug={s.slug}>
                  <span className="text-stone-600 first-letter:uppercase">
                    {formatDay(localDate(s.startsAt, event.timeZone), locale, event.timeZone)}, {formatTime(s.startsAt, locale, event.timeZone)}
                  </span>{' '}
                  · <Link href={`/events/${event.slug}/sessions/${s.slug}`}>{s.title}</Link>{' '}
                  <span className="text-stone-600">
                    ({s.format ? tFormat(s.format as 'standing') : tKind(s.kind as 'session')} —{' '}
                    {s.role === 'programme' ? t('programme') : tRole(s.role as 'speaker')}
                    {s.organization ? `, ${s.organization}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

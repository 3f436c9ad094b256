import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTime } from '@/lib/format';
import { localDate } from '@/lib/domain/time';
import type { PathSummary } from '@/lib/domain/paths';
import { Coordinators } from './Coordinators';

/** The URL of an attachment (or one of its image variants). */
export const attachmentUrl = (id: string, variant?: 'thumb' | 'medium') => `/api/attachments/${id}${variant ? `?variant=${variant}` : ''}`;

/** A path in the /paths list: cover, title, summary, resource count, next linked session. */
export async function PathCard({ path }: { path: PathSummary }) {
  const [t, locale] = await Promise.all([getTranslations('paths'), getLocale()]);
  const next = path.nextSession;
  return (
    <li className="flex flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md" data-path-slug={path.slug}>
      {path.coverAttachmentId ? (
        // eslint-disable-next-line @next/next/no-img-element -- served from the database, variants made at upload
        <img src={attachmentUrl(path.coverAttachmentId, 'thumb')} alt="" className="aspect-[2/1] w-full object-cover" />
      ) : (
        <div aria-hidden="true" className="aspect-[4/1] w-full bg-gradient-to-br from-brand to-emerald-600" />
      )}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 className="text-lg font-semibold leading-snug">
          <Link href={`/paths/${path.slug}`}>{path.title}</Link>
        </h2>
        {path.summary && <p className="line-clamp-3 text-sm text-stone-700">{path.summary}</p>}
        <Coordinators list={path.coordinators} compact />
        <p className="mt-auto flex flex-wrap gap-x-3 gap-y-1 pt-2 text-sm">
          <span className="rounded-full bg-brand-soft px-2 py-0.5 font-medium text-brand" data-testid="resource-count">
            {t('resourceCount', { count: path.resourceCount })}
          </span>
          <span className="text-stone-600">
            {next
              ? t('nextSession', {
                  title: next.title,
                  when: `${formatDay(localDate(next.startsAt, next.event.timeZone), locale, next.event.timeZone)}, ${formatTime(next.startsAt, locale, next.event.timeZone)}`,
                })
              : t('noNextSession')}
          </span>
        </p>
      </div>
    </li>
  );
}

import { getLocale, getTranslations } from 'next-intl/server';
import { formatShortDateTime } from '@/lib/format';
import type { PublicProposal } from '@/lib/domain/calls';
import { formerName } from '@/lib/domain/erased';

/** A proposal's public status timeline: each status with when, who and why, and what scheduling changed. */
export async function Timeline({ history, timeZone }: { history: PublicProposal['statusHistory']; timeZone: string }) {
  const [t, locale, tPrivacy] = await Promise.all([getTranslations('calls'), getLocale(), getTranslations('privacy')]);
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4" data-testid="timeline">
      {history.map((h, i) => (
        <li key={i} data-status={h.status}>
          <p>
            <span className="font-semibold">{t(`status.${h.status}`)}</span>{' '}
            <span className="text-sm text-stone-600">
              · <time dateTime={new Date(h.at).toISOString()}>{formatShortDateTime(new Date(h.at), locale, timeZone)}</time> · {t('by', { by: formerName(h.by, tPrivacy('formerParticipant')) })}
            </span>
          </p>
          {h.reason && <p className="whitespace-pre-line">{h.reason}</p>}
          {h.diff && (
            <div className="mt-1 text-sm" data-testid="diff">
              <p>{t('diffIntro')}</p>
              {h.diff.map((d) => (
                <dl key={d.field} className="mt-1 grid grid-cols-[auto_1fr] gap-x-2">
                  <dt className="font-medium">{t(d.field === 'title' ? 'diffTitle' : 'diffAbstract')}</dt>
                  <dd>
                    <del className="text-red-800">{d.before}</del>
                    <br />
                    <ins className="text-green-900">{d.after}</ins>
                  </dd>
                </dl>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A status as a small badge (with the overdue flag). */
export async function StatusBadge({ status, overdue }: { status: PublicProposal['status']; overdue?: boolean }) {
  const t = await getTranslations('calls');
  return (
    <span className="inline-flex gap-1">
      <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium" data-testid="proposal-status" data-status={status}>
        {t(`status.${status}`)}
      </span>
      {overdue && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="overdue">
          {t('overdue')}
        </span>
      )}
    </span>
  );
}

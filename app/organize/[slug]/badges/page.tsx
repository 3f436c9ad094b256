import { formerName } from '@/lib/domain/erased';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { awardNowAction, createAchievementAction, decideAction, revokeAction } from '@/app/badges/actions';
import { Outcome } from '@/components/badges/Outcome';
import { ConfirmAction } from '@/components/ConfirmAction';
import { eventAchievements } from '@/server/badges/get-event-achievements';
import { eventBadgeAdmin } from '@/server/badges/get-event-badge-admin';
import { ACHIEVEMENT_KINDS } from '@/lib/domain/badges';
import { formatNumber } from '@/lib/format';
import { signedInUser } from '@/server/auth/current';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('badges') };
}

type Params = Promise<{ slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** `/organize/{slug}/badges`: requests to validate or decline, issued badges (revoke), the event's achievements. */
export default async function OrganizeBadgesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ slug }, sp, t, tp, tc] = await Promise.all([
    params,
    searchParams,
    getTranslations('openBadges'),
    getTranslations('privacy'),
    getTranslations('confirm'),
  ]);
  const user = await signedInUser(`/organize/${slug}/badges`);
  const locale = await getLocale();
  const event = await eventAchievements(slug);
  if (!event) notFound();
  const admin = await eventBadgeAdmin(user.id, slug);
  if (!admin) {
    return (
      <section className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-bold">{t('manageTitle', { event: event.event.title })}</h1>
        <p className="mt-4">{t('notAllowed')}</p>
      </section>
    );
  }
  const field = 'w-full rounded border border-stone-300 p-2';
  return (
    <section className="mx-auto max-w-4xl" aria-labelledby="manage-badges-title">
      <h1 id="manage-badges-title" className="text-2xl font-bold">
        {t('manageTitle', { event: event.event.title })}
      </h1>
      <Outcome sp={sp} />

      <h2 id="requests" className="mt-8 text-xl font-semibold">
        {t('pendingTitle')}
      </h2>
      {admin.pending.length === 0 && <p className="mt-2 text-stone-600">{t('noPending')}</p>}
      <ul className="mt-3 space-y-4">
        {admin.pending.map((r) => (
          <li key={r.id} data-testid="pending-request" className="rounded border border-stone-200 p-4">
            <p className="font-semibold">
              {r.name} — {t('requestedBy', { name: r.recipientName, email: r.recipientEmail })}
            </p>
            <p className="mt-1 whitespace-pre-line text-stone-800">{r.evidence}</p>
            <form action={decideAction.bind(null, slug)} className="mt-3 space-y-2">
              <input type="hidden" name="awardId" value={r.id} />
              <label className="block text-sm font-medium" htmlFor={`reason-${r.id}`}>
                {t('reasonLabel')}
              </label>
              <input id={`reason-${r.id}`} name="reason" maxLength={2000} className={field} />
              <div className="flex gap-2">
                <button name="decision" value="validate" className="rounded bg-brand px-3 py-1 text-white">
                  {t('validate')}
                </button>
                <button name="decision" value="decline" className="rounded border border-stone-300 px-3 py-1">
                  {t('decline')}
                </button>
              </div>
            </form>
          </li>
        ))}
      </ul>

      <h2 id="issued" className="mt-8 text-xl font-semibold">
        {t('issuedTitle')}
      </h2>
      <form action={awardNowAction.bind(null, slug)} className="mt-2">
        <button className="rounded border border-stone-300 px-3 py-1">{t('awardNow')}</button>
        <p className="mt-1 text-sm text-stone-600">{t('awardNowHelp')}</p>
      </form>
      <ul className="mt-3 divide-y divide-stone-200">
        {admin.decided.map((r) => (
          <li key={r.id} data-testid="issued-badge" data-award={r.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <span className="font-medium">{formerName(r.recipientName, tp('formerParticipant'))}</span> · {r.name} · {t(`status.${r.status}`)}
            {r.revokedAt && <span className="rounded bg-red-100 px-2 text-red-800">{t('revokedLabel')}</span>}
            {r.status === 'declined' && r.decisionReason && <span className="text-stone-600">{t('reason', { reason: r.decisionReason })}</span>}
            {r.status !== 'declined' && (
              <Link href={`/credentials/${r.id}`} className="ml-auto">
                {t('share')}
              </Link>
            )}
            {r.status !== 'declined' && !r.revokedAt && (
              <ConfirmAction
                action={revokeAction.bind(null, slug, r.id)}
                trigger={t('revoke')}
                title={tc('revoke.title', { name: formerName(r.recipientName, tp('formerParticipant')), badge: r.name })}
                description={tc('revoke.body')}
                confirm={tc('revoke.confirm')}
                cancel={tc('back')}
                triggerClassName="rounded border border-red-300 px-2 text-red-800"
              />
            )}
          </li>
        ))}
      </ul>

      <h2 id="achievements" className="mt-8 text-xl font-semibold">
        {t('achievementsTitle')}
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {event.achievements.map((a) => (
          <li key={a.id}>
            <Link href={`/achievements/${a.id}`}>{a.name}</Link> — {t(`kind.${a.kind}`)}
            {a.minMinutes ? ` (${formatNumber(a.minMinutes, locale, { style: 'unit', unit: 'minute' })})` : ''}
          </li>
        ))}
      </ul>
      <h3 id="new-achievement" className="mt-6 text-lg font-semibold">
        {t('newAchievement')}
      </h3>
      <form action={createAchievementAction.bind(null, slug)} className="mt-2 max-w-xl space-y-2">
        <label className="block text-sm font-medium">
          {t('kindLabel')}
          <select name="kind" defaultValue="request" className={field}>
            {ACHIEVEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t('nameLabel')}
          <input name="name" required maxLength={120} className={field} />
        </label>
        <label className="block text-sm font-medium">
          {t('descriptionLabel')}
          <textarea name="description" required maxLength={1000} rows={2} className={field} />
        </label>
        <label className="block text-sm font-medium">
          {t('criteriaLabel')}
          <textarea name="criteria" required maxLength={2000} rows={2} className={field} />
        </label>
        <label className="block text-sm font-medium">
          {t('minMinutesLabel')}
          <input name="minMinutes" type="number" min={1} max={10000} className={field} />
        </label>
        <button className="rounded bg-brand px-3 py-1 text-white">{t('create')}</button>
      </form>
    </section>
  );
}

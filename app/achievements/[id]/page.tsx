import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { endorseAction } from '@/app/badges/actions';
import { Outcome } from '@/components/badges/Outcome';
import { achievementPage } from '@/server/badges/get-achievement-page';
import { provenParticipant } from '@/server/auth/current';
import { isUuid } from '@/lib/validation';
import { formatDate } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const page = isUuid(id) ? await achievementPage(id) : null;
  return { title: page ? `${page.achievement.name} — Chemins` : 'Chemins' };
}

/** `/achievements/{id}`: an achievement (the URL in its credentials), who shows it, its endorsements. */
export default async function AchievementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, sp, who, t, locale] = await Promise.all([params, searchParams, provenParticipant(), getTranslations('openBadges'), getLocale()]);
  const page = isUuid(id) ? await achievementPage(id, who?.email) : null;
  if (!page) notFound();
  const a = page.achievement;
  const holder = page.mine?.status === 'accepted' && !page.mine.revokedAt;
  return (
    <section className="mx-auto max-w-3xl" aria-labelledby="achievement-title">
      <div className="flex gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- data: URI SVG */}
        <img src={a.image} alt="" width={96} height={96} className="h-24 w-24 shrink-0" />
        <div>
          <h1 id="achievement-title" className="text-2xl font-bold">
            {t('achievementTitle', { name: a.name })}
          </h1>
          <p className="text-stone-600">
            {t('issuedBy', { issuer: page.issuer.name })} · {t(`kind.${a.kind}`)}
          </p>
        </div>
      </div>
      <Outcome sp={sp} />
      <p className="mt-4">{a.description}</p>
      <p className="mt-2">
        <strong>{t('criteria')}</strong> : {a.criteria}
      </p>
      {page.issuer.eventSlug && a.kind === 'request' && (
        <p className="mt-2">
          <Link href={`/events/${page.issuer.eventSlug}/badges#requests`}>{t('requestTitle')}</Link>
        </p>
      )}

      <h2 className="mt-8 text-xl font-semibold">{t('recipientsTitle')}</h2>
      {page.recipients.length === 0 ? (
        <p className="mt-2 text-stone-600">{t('noRecipients')}</p>
      ) : (
        <ul className="mt-2 list-disc pl-6" data-testid="recipients">
          {page.recipients.map((r) => (
            <li key={r.id}>
              <Link href={`/credentials/${r.id}`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      )}

      <h2 id="endorsements" className="mt-8 text-xl font-semibold">
        {t('endorsementsTitle')}
      </h2>
      {page.endorsements.length === 0 ? (
        <p className="mt-2 text-stone-600">{t('noEndorsements')}</p>
      ) : (
        <ul className="mt-2 space-y-3" data-testid="endorsements">
          {page.endorsements.map((e) => (
            <li key={e.id} className="rounded border border-stone-200 p-3">
              <q>{e.comment}</q>
              <p className="mt-1 text-sm text-stone-600">
                — {e.name}, {formatDate(e.createdAt, locale, DEFAULT_TIME_ZONE)} ·{' '}
                <a href={`/api/endorsements/${e.id}`}>EndorsementCredential</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {holder && !page.endorsedByMe && (
        <form id="endorse" action={endorseAction.bind(null, a.id)} className="mt-6 space-y-2">
          <h3 className="text-lg font-semibold">{t('endorseTitle')}</h3>
          <p className="text-sm text-stone-600">{t('endorseHelp')}</p>
          <label className="block text-sm font-medium" htmlFor="comment">
            {t('commentLabel')}
          </label>
          <textarea id="comment" name="comment" required maxLength={1000} rows={3} className="w-full rounded border border-stone-300 p-2" />
          <button className="rounded bg-brand px-3 py-1 text-white">{t('endorseSubmit')}</button>
        </form>
      )}
      {page.endorsedByMe && <p className="mt-4 text-sm">{t('endorsedAlready')}</p>}
    </section>
  );
}

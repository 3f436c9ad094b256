import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { badgesOf } from '@/server/badges/list-badges-of';
import { endorsementsBy } from '@/server/badges/list-endorsements-by';
import { currentParticipant, provenParticipant } from '@/server/auth/current';
import { Outcome } from '@/components/badges/Outcome';
import { respondAction } from './actions';
import { formatDate } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('badges') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** `/badges`: the person's portfolio — badges received (accept, decline, show, download, share), requests, endorsements given. */
export default async function PortfolioPage({ searchParams }: { searchParams: Search }) {
  const [t, locale, who, someone, sp] = await Promise.all([getTranslations('openBadges'), getLocale(), provenParticipant(), currentParticipant(), searchParams]);
  if (!who) {
    // A personal link whose address is not proven yet acts for its registration alone (docs/security.md).
    return (
      <section className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-bold">{t('portfolioTitle')}</h1>
        <p className="mt-4">
          <Link href="/signin?callbackUrl=/badges">{t(someone ? 'confirmToSee' : 'signInToSee')}</Link>
        </p>
      </section>
    );
  }
  const [all, given] = await Promise.all([badgesOf(who.email), endorsementsBy(who.email)]);
  const received = all.filter((b) => b.status === 'offered' || b.status === 'accepted' || b.status === 'rejected');
  const requests = all.filter((b) => b.status === 'requested' || b.status === 'declined');
  const date = (d: Date | null) => (d ? formatDate(d, locale, DEFAULT_TIME_ZONE) : '');
  return (
    <section className="mx-auto max-w-3xl" aria-labelledby="portfolio-title">
      <h1 id="portfolio-title" className="text-2xl font-bold">
        {t('portfolioTitle')}
      </h1>
      <p className="mt-2 text-stone-700">{t('portfolioIntro')}</p>
      <Outcome sp={sp} />

      <h2 className="mt-8 text-xl font-semibold">{t('received')}</h2>
      {received.length === 0 && <p className="mt-2 text-stone-600">{t('none')}</p>}
      <ul className="mt-3 space-y-4">
        {received.map((b) => (
          <li key={b.id} id={`badge-${b.id}`} data-testid="badge" data-status={b.status} className="flex gap-4 rounded border border-stone-200 p-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- data: URI SVG, nothing to optimise */}
            <img src={b.image} alt="" width={72} height={72} className="h-18 w-18 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="font-semibold">
                <Link href={`/achievements/${b.achievementId}`}>{b.name}</Link>
              </p>
              <p className="text-sm text-stone-600">
                {t('issuedBy', { issuer: b.issuerName })} · {date(b.issuedAt)}
              </p>
              <p className="mt-1 text-sm">
                <span className="rounded bg-stone-100 px-2 py-0.5">{t(`status.${b.status}`)}</span>{' '}
                {b.revokedAt ? (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-red-800">{t('revokedLabel')}</span>
                ) : b.status === 'accepted' ? (
                  <span className="rounded bg-stone-100 px-2 py-0.5">{b.isPublic ? t('publicLabel') : t('privateLabel')}</span>
                ) : null}
              </p>
              <div className="mt-3 flex flex-wrap gap-2 text-sm">
                {(b.status === 'offered' || b.status === 'rejected') && !b.revokedAt && (
                  <form action={respondAction.bind(null, b.id, 'accept')}>
                    <button className="rounded bg-brand px-3 py-1 text-white">{t('accept')}</button>
                  </form>
                )}
                {b.status === 'accepted' && !b.revokedAt && (
                  <form action={respondAction.bind(null, b.id, b.isPublic ? 'unpublish' : 'publish')}>
                    <button className="rounded border border-stone-300 px-3 py-1">{b.isPublic ? t('unpublish') : t('publish')}</button>
                  </form>
                )}
                {(b.status === 'offered' || b.status === 'accepted') && (
                  <form action={respondAction.bind(null, b.id, 'reject')}>
                    <button className="rounded border border-stone-300 px-3 py-1">{t('reject')}</button>
                  </form>
                )}
                <a href={`/api/credentials/${b.id}?download`} download className="rounded border border-stone-300 px-3 py-1 no-underline">
                  {t('downloadJson')}
                </a>
                <a href={`/api/credentials/${b.id}/badge.svg`} download className="rounded border border-stone-300 px-3 py-1 no-underline">
                  {t('downloadSvg')}
                </a>
                <Link href={`/credentials/${b.id}`} className="rounded border border-stone-300 px-3 py-1 no-underline">
                  {t('share')}
                </Link>
              </div>
            </div>
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-xl font-semibold">{t('requests')}</h2>
      {requests.length === 0 && <p className="mt-2 text-stone-600">{t('noRequests')}</p>}
      <ul className="mt-3 space-y-3">
        {requests.map((b) => (
          <li key={b.id} id={`badge-${b.id}`} data-testid="request" data-status={b.status} className="rounded border border-stone-200 p-3">
            <p className="font-semibold">
              <Link href={`/achievements/${b.achievementId}`}>{b.name}</Link> · <span className="text-sm font-normal">{t(`status.${b.status}`)}</span>
            </p>
            {b.evidence && <p className="mt-1 text-sm text-stone-700">{t('evidence', { evidence: b.evidence })}</p>}
            {b.status === 'declined' && b.decisionReason && <p className="mt-1 text-sm text-red-800">{t('reason', { reason: b.decisionReason })}</p>}
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-xl font-semibold">{t('given')}</h2>
      {given.length === 0 && <p className="mt-2 text-stone-600">{t('noneGiven')}</p>}
      <ul className="mt-3 space-y-2">
        {given.map((e) => (
          <li key={e.id}>
            <Link href={`/achievements/${e.achievementId}`}>{e.name}</Link> — <q>{e.comment}</q>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { verifyPastedAction } from '@/app/badges/actions';
import { VerifyForm } from '@/components/badges/VerifyForm';
import { credentialOf } from '@/server/badges/get-credential';
import { publishedDocument } from '@/server/badges/get-published-document';
import { badgeUrls } from '@/lib/badges/documents';
import { verifyCredential } from '@/lib/badges/verify';
import { publicUrl } from '@/lib/config';
import { isUuid } from '@/lib/validation';
import { formatDate } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('verification'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

/**
 * `/credentials/{id}`: the human verification page. The badge's credential is checked as any
 * verifier would (proof against the issuer's published key, then the revocation list), and the
 * verdict said plainly: valid, revoked, or altered.
 */
export default async function CredentialPage({ params }: { params: Params }) {
  const { id } = await params;
  const found = isUuid(id) ? await credentialOf(id) : null;
  if (!found) notFound();
  const [t, locale, result] = await Promise.all([getTranslations('openBadges'), getLocale(), verifyCredential(found.credential, publishedDocument)]);
  const state = result.verified ? 'valid' : result.revoked ? 'revoked' : 'tampered';
  const validFrom = typeof found.credential.validFrom === 'string' ? new Date(found.credential.validFrom) : null;
  const tone = state === 'valid' ? 'border-green-600 bg-green-50 text-green-900' : 'border-red-600 bg-red-50 text-red-900';
  return (
    <section className="mx-auto max-w-3xl" aria-labelledby="verify-title">
      <h1 id="verify-title" className="text-2xl font-bold">
        {t('verifyTitle')}
      </h1>
      <div role="status" data-testid="verdict" data-state={state} className={`mt-4 rounded border-l-4 p-4 ${tone}`}>
        <p className="text-lg font-semibold">{t(state)}</p>
        <p className="mt-1">{t(`${state}Detail`, { issuer: found.issuerName })}</p>
      </div>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">{t('nameLabel')}</dt>
        <dd>
          <Link href={`/achievements/${found.achievementId}`}>{found.name}</Link>
        </dd>
        <dt className="font-medium">{t('recipientLabel')}</dt>
        <dd>{found.recipientName}</dd>
        <dt className="font-medium">{t('issuerLabel')}</dt>
        <dd>{found.issuerName}</dd>
        {validFrom && (
          <>
            <dt className="font-medium">{t('dateLabel')}</dt>
            <dd>{formatDate(validFrom, locale, DEFAULT_TIME_ZONE)}</dd>
          </>
        )}
      </dl>
      <details className="mt-6 text-sm">
        <summary>{t('technical')}</summary>
        {result.checks.length > 0 && <p className="mt-2">{t('checks', { checks: result.checks.join(', ') })}</p>}
        {result.errors.length > 0 && (
          <ul className="mt-2 list-disc pl-6">
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <p className="mt-2">{t('apiHint', { url: badgeUrls(publicUrl()).key(found.issuerSlug) })}</p>
        <p className="mt-2">
          <a href={`/api/credentials/${id}`}>OpenBadgeCredential (JSON-LD)</a>
        </p>
      </details>
      <h2 className="mt-8 text-xl font-semibold">{t('verifyOther')}</h2>
      <p className="text-sm text-stone-600">{t('verifyOtherHelp')}</p>
      <VerifyForm
        action={verifyPastedAction}
        labels={{ label: t('credentialLabel'), submit: t('verifySubmit'), valid: t('valid'), revoked: t('revoked'), invalid: t('tampered'), unreadable: t('unreadable'), limited: t('limited') }}
      />
    </section>
  );
}

import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { FeedbackForm } from '@/components/feedback/FeedbackForm';
import { formatDateTime } from '@/lib/format';
import { getFeedbackLink } from '@/server/feedback/answer-feedback';
import { answerFeedbackAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false } };

/**
 * `/feedback/{token}`: the link of the feedback request mailed after a session to one who attended
 * (docs/privacy.md, "Mails after the sessions"). No sign-in: the token is the credential; one
 * answer, then the page thanks, and says so when opened again.
 */
export default async function FeedbackPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await params;
  const sp = await searchParams;
  const [t, locale, link] = await Promise.all([getTranslations('afterSession'), getLocale(), getFeedbackLink(token)]);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('pageTitle')}</h1>
      {!link ? (
        <p role="alert" data-testid="feedback-state" data-state="unknown">
          {t('errors.not_found')}
        </p>
      ) : (
        <>
          <p>
            {t('pageIntro', { title: link.session.title, event: link.event.title })}
            <br />
            <span className="text-sm text-stone-600">{formatDateTime(link.session.startsAt, locale === 'en' ? 'en' : 'fr', link.event.timeZone, 'full')}</span>
          </p>
          {link.state === 'answered' ? (
            <p role="status" data-testid="feedback-state" data-state="answered" className="rounded bg-green-50 p-3 text-green-900">
              {sp.done ? t('thanks') : t('errors.already_answered')}
            </p>
          ) : link.state === 'expired' ? (
            <p role="alert" data-testid="feedback-state" data-state="expired">
              {t('errors.expired')}
            </p>
          ) : (
            <FeedbackForm action={answerFeedbackAction.bind(null, token)} />
          )}
        </>
      )}
    </div>
  );
}

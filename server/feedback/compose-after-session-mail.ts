import { createTranslator } from 'next-intl';
import { feedbackTokenOf } from '@/db/queries/feedback/after-session';
import type { OutgoingMail } from '@/db/queries/mail';
import { latestReadyReplay } from '@/db/queries/replays';
import { publicUrl } from '@/lib/config';
import { viaMail } from '@/lib/domain/registration-source';
import { escapeHtml } from '@/lib/domain/search';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { messagesOf } from '@/server/catalogue';
import type { Mail } from '@/server/mail/transport';

// The mails after a session (`afterSession` catalogue), in the registrant's language (the
// `locale` of their registration, written when they registered): the feedback request with its
// own link (no sign-in), "you missed it" with the replay or the session's page, "the replay is
// ready". Each carries the one-click unsubscribe link of these mails (RFC 8058).

/** The `afterSession` catalogue outside a request (mail worker, the unsubscribe page). */
export function afterSessionTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messagesOf(locale), namespace: 'afterSession' });
}

/** The one-click unsubscribe URL of these mails (POST unsubscribes; GET shows a confirmation). */
export const afterSessionUnsubscribeUrl = (base: string, token: string) => `${base}/api/after-session/unsubscribe?token=${encodeURIComponent(token)}`;

/** Paragraphs of text as HTML, each link clickable. */
function html(paragraphs: string[]): string {
  const body = paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>').replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:36rem">\n${body}\n</body></html>`;
}

/** Compose one mail after a session; null when it no longer applies (no session, or the feedback link is gone). */
export async function composeAfterSession(m: OutgoingMail): Promise<Mail | null> {
  const s = m.session;
  if (!s) return null;
  const base = publicUrl();
  const locale = m.registration.locale;
  const t = afterSessionTranslator(locale);
  const values = { name: m.registration.name, title: s.title, event: m.event.title, when: formatDateTime(s.startsAt, locale, m.event.timeZone, 'full') };
  const sessionPage = viaMail(`${base}/events/${m.event.slug}/sessions/${s.slug}`, m.kind);
  let subject: string;
  let body: string[];
  if (m.kind === 'feedback_request') {
    const token = await feedbackTokenOf(m.registration.id, s.id);
    if (!token) return null;
    subject = t('feedbackSubject', values);
    body = [t('feedbackBody', values), `${base}/feedback/${token}`, t('feedbackNoSignIn')];
  } else if (m.kind === 'session_missed') {
    const replay = await latestReadyReplay(s.id);
    subject = t('missedSubject', values);
    body = replay ? [t('missedReplayBody', values), `${base}/replays/${replay.id}`] : [t('missedBody', values), sessionPage];
  } else {
    const replay = await latestReadyReplay(s.id);
    if (!replay) return null;
    subject = t('replaySubject', values);
    body = [t('replayBody', values), `${base}/replays/${replay.id}`];
  }
  const unsubscribe = afterSessionUnsubscribeUrl(base, m.registration.unsubscribeToken);
  const paragraphs = [t('hello', values), ...body, t('signature', values), t('footer', { ...values, url: unsubscribe })];
  return {
    to: m.registration.email,
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: html(paragraphs),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

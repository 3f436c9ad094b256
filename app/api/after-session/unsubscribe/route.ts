import { eventOfUnsubscribeToken, unsubscribeAfterSession } from '@/db/queries/feedback/opt-out';
import { escapeHtml } from '@/lib/domain/search';
import { pickLocale } from '@/lib/i18n';
import { afterSessionTranslator } from '@/server/feedback/compose-after-session-mail';
import { endpoint } from '@/server/http/endpoint';
import { htmlPage } from '@/server/http/html-page';

export const dynamic = 'force-dynamic';

const tokenOf = (req: Request) => (new URL(req.url).searchParams.get('token') ?? '').slice(0, 100);
/** The registrant's language when the token is known; else the request's, else French. */
const t = (req: Request, locale?: 'fr' | 'en') => afterSessionTranslator(locale ?? pickLocale(req.headers.get('accept-language')) ?? 'fr');

/** The unsubscribe link of the mails after the sessions: a confirmation page (a link opened by a mail scanner changes nothing). */
export const GET = endpoint({}, async ({ req }) => {
  const found = await eventOfUnsubscribeToken(tokenOf(req));
  const tr = t(req, found?.locale);
  if (!found) return htmlPage(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribeUnknown'))}</p>`, 404);
  return htmlPage(
    tr('unsubscribeTitle'),
    `<h1>${escapeHtml(tr('unsubscribeTitle'))}</h1><p>${escapeHtml(tr('unsubscribeConfirm', { event: found.title }))}</p>` +
      `<form method="post"><button type="submit">${escapeHtml(tr('unsubscribeButton'))}</button></form>`,
  );
});

/** One-click unsubscribe (RFC 8058, posted by the mail client), and the confirmation page's button. Idempotent. */
export const POST = endpoint({}, async ({ req }) => {
  const done = await unsubscribeAfterSession(tokenOf(req));
  const tr = t(req, done?.locale);
  if (!done) return htmlPage(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribeUnknown'))}</p>`, 404);
  return htmlPage(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribed', { event: done.title }))}</p>`);
});

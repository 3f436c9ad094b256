import { subscriptionPathOfToken } from '@/server/paths/get-token-path';
import { unsubscribeByToken } from '@/server/paths/unsubscribe-by-token';
import { escapeHtml } from '@/lib/domain/search';
import { pickLocale } from '@/lib/i18n';
import { translator } from '@/server/paths/mail';
import { endpoint } from '@/server/http/endpoint';
import { htmlPage as page } from '@/server/http/html-page';

export const dynamic = 'force-dynamic';

const tokenOf = (req: Request) => new URL(req.url).searchParams.get('token') ?? '';
/** Mail clients post without cookies: the language of the request, else French. */
const t = (req: Request) => translator(pickLocale(req.headers.get('accept-language')) ?? 'fr');

/** The digest mail's unsubscribe link: a confirmation page (a link opened by a mail scanner changes nothing). */
export const GET = endpoint({}, async ({ req }) => {
  const tr = t(req);
  const path = await subscriptionPathOfToken(tokenOf(req));
  if (!path) return page(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribeUnknown'))}</p>`, 404);
  return page(
    tr('unsubscribeTitle'),
    `<h1>${escapeHtml(tr('unsubscribeTitle'))}</h1><p>${escapeHtml(tr('unsubscribeConfirm', { path: path.title }))}</p>` +
      `<form method="post"><button type="submit">${escapeHtml(tr('unsubscribeButton'))}</button></form>`,
  );
});

/**
 * One-click unsubscribe (RFC 8058: `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, posted by
 * the mail client), and the confirmation page's button. Idempotent.
 */
export const POST = endpoint({}, async ({ req }) => {
  const tr = t(req);
  const path = await unsubscribeByToken(tokenOf(req));
  if (!path) return page(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribeUnknown'))}</p>`, 404);
  return page(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribed', { path: path.title }))}</p>`);
});

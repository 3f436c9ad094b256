import { escapeHtml } from '@/lib/domain/search';
import { type Locale, pickLocale } from '@/lib/i18n';
import { htmlPage } from '@/server/http/html-page';

/** What a mail's unsubscribe token stops: its title, and the registrant's language when known. */
type Unsubscribed = { title: string; locale?: Locale | null } | null;
/** The mail's own catalogue namespace (`unsubscribeTitle`, `unsubscribeUnknown`, `unsubscribeConfirm`, `unsubscribeButton`, `unsubscribed`). */
type Translate = (key: 'unsubscribeTitle' | 'unsubscribeUnknown' | 'unsubscribeConfirm' | 'unsubscribeButton' | 'unsubscribed', values?: Record<string, string>) => string;

const tokenOf = (req: Request) => (new URL(req.url).searchParams.get('token') ?? '').slice(0, 100);

/**
 * The answers of a mail's unsubscribe link (its route's GET and POST, each made by `endpoint`).
 * `confirm`: a confirmation page (a link opened by a mail scanner changes nothing). `unsubscribe`:
 * one-click unsubscribe (RFC 8058: `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, posted by
 * the mail client without cookies), and the page's button; idempotent. The page speaks the
 * registrant's language when the token tells it, else the request's, else French; `name` is the
 * placeholder the mail's texts give the title.
 */
export function unsubscribePages({ find, unsubscribe, translator, name }: { find: (token: string) => Promise<Unsubscribed>; unsubscribe: (token: string) => Promise<Unsubscribed>; translator: (locale: Locale) => Translate; name: string }) {
  const answer = (req: Request, found: Unsubscribed, body: (tr: Translate, title: string) => string) => {
    const tr = translator(found?.locale ?? pickLocale(req.headers.get('accept-language')) ?? 'fr');
    if (!found) return htmlPage(tr('unsubscribeTitle'), `<p>${escapeHtml(tr('unsubscribeUnknown'))}</p>`, 404);
    return htmlPage(tr('unsubscribeTitle'), body(tr, found.title));
  };
  return {
    confirm: async (req: Request) =>
      answer(
        req,
        await find(tokenOf(req)),
        (tr, title) =>
          `<h1>${escapeHtml(tr('unsubscribeTitle'))}</h1><p>${escapeHtml(tr('unsubscribeConfirm', { [name]: title }))}</p>` +
          `<form method="post"><button type="submit">${escapeHtml(tr('unsubscribeButton'))}</button></form>`,
      ),
    unsubscribe: async (req: Request) => answer(req, await unsubscribe(tokenOf(req)), (tr, title) => `<p>${escapeHtml(tr('unsubscribed', { [name]: title }))}</p>`),
  };
}

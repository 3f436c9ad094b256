import { createTranslator } from 'next-intl';
import { type Locale, requestLocale } from '@/lib/i18n';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };

// Route helpers that are given the request (exports, feeds) find its language themselves and
// translate with the catalogue of that language: they then run, and are tested, without Next's
// request scope (`getTranslations` needs it). The rule is the pages' one (i18n/request.ts).

/** The language of a request: the `locale` cookie, else Accept-Language, else French (`requestLocale`). */
export const localeOf = (req: Request): Locale => requestLocale(req.headers.get('cookie'), req.headers.get('accept-language'));

/** The messages of one language, for `createTranslator` outside a request (mails, exports, feeds). */
export const messagesOf = (locale: Locale) => (locale === 'en' ? en : fr);

/** The whole catalogue in one language (`t('csv.columns.id')`). */
export const catalogue = (locale: Locale) => createTranslator({ locale, messages: messagesOf(locale) });

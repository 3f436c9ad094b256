export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
/** The platform's time zone, for dates tied to no event (badges, revisions, accounts); an event's dates use its own zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** First supported language of an Accept-Language header, or null. */
export function pickLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: (tag ?? '').trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return null;
}

/** The name of the cookie that keeps the language a person chose (components/LocaleSwitch). */
export const LOCALE_COOKIE = 'locale';

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * The language of a request: the chosen one (cookie), else the browser's (Accept-Language), else
 * French. Pages (i18n/request.ts), registrations (their mails) and sign-in mails all use it.
 */
export function requestLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const chosen = (cookieHeader ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(chosen) ? chosen : (pickLocale(acceptLanguage) ?? DEFAULT_LOCALE);
}

import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALES, type Locale, pickLocale } from '@/lib/i18n';

// French first, English second; no locale in URLs. The choice is a cookie, else Accept-Language.
export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get('locale')?.value;
  const locale: Locale =
    cookieLocale && (LOCALES as readonly string[]).includes(cookieLocale)
      ? (cookieLocale as Locale)
      : pickLocale((await headers()).get('accept-language')) ?? DEFAULT_LOCALE;
  return {
    locale,
    timeZone: 'Europe/Paris',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});

import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_TIME_ZONE, type Locale, requestLocale } from '@/lib/i18n';

// French first, English second; no locale in URLs. The choice is a cookie, else Accept-Language.
export default getRequestConfig(async () => {
  const h = await headers();
  const locale: Locale = requestLocale(h.get('cookie'), h.get('accept-language'));
  return {
    locale,
    timeZone: DEFAULT_TIME_ZONE,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});

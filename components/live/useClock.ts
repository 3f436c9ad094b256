import { useLocale, useTimeZone } from 'next-intl';
import { formatTime } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';

/**
 * The wall-clock time of an instant in the page's language and the event's time zone (lib/format.ts),
 * for live panels: the session routes' layout gives the event's zone to the client provider
 * (app/events/[slug]/sessions/[sessionSlug]/layout.tsx).
 */
export function useClock() {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  return (instant: Date) => formatTime(instant, locale, timeZone);
}

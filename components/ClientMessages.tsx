import { NextIntlClientProvider } from 'next-intl';

/**
 * The catalogue for client components that translate (`useTranslations` in a 'use client' file).
 * It is given as a layout only to the routes that have such components (sessions, registration,
 * sign-in, forms, organizing, admin…), not in the root layout: the programme, path and resource
 * pages then ship neither use-intl nor the catalogue (bench/page-weight). `components/ClientMessages.test.ts`
 * fails when a page renders a translating client component outside these layouts.
 *
 * `timeZone`: the zone client components format times in (`useTimeZone`, `useClock`); the
 * session routes give their event's (`events.time_zone`), the others keep the platform's.
 */
export default function ClientMessages({ children, timeZone }: { children: React.ReactNode; timeZone?: string }) {
  return <NextIntlClientProvider timeZone={timeZone}>{children}</NextIntlClientProvider>;
}

import type { Locale } from './i18n';

// Dates, times, numbers and sizes as a person reads them: one helper per kind, each given the
// reader's locale and the time zone of the event (pages, mails, exports, calendars). Nothing else
// in the code calls Intl with a locale of its own (docs/i18n.md); `lib/domain/time.ts` keeps the
// machine forms (YYYY-MM-DD, HH:MM, ISO 8601).

type L = Locale | string;
const dateStyles = { full: { dateStyle: 'full' }, long: { dateStyle: 'long' }, medium: { dateStyle: 'medium' } } as const;

/** A local calendar date (YYYY-MM-DD) with its weekday: "samedi 28 novembre 2026". */
export function formatDay(date: string, locale: L, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The weekday and date of an instant, without the year: "samedi 28 novembre" (reminders). */
export function formatWeekday(instant: Date, locale: L, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(instant);
}

/** A short weekday and date: "sam. 28 nov." (lists of sessions over several days). */
export function formatShortDay(instant: Date, locale: L, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(instant);
}

/** The wall-clock time of an instant: "09:30" (fr), "09:30 AM" (en). */
export function formatTime(instant: Date, locale: L, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

/** The date of an instant: "28 novembre 2026" (long), "28 nov. 2026" (medium), with the weekday (full). */
export function formatDate(instant: Date, locale: L, timeZone: string, style: keyof typeof dateStyles = 'long'): string {
  return new Intl.DateTimeFormat(locale, { ...dateStyles[style], timeZone }).format(instant);
}

/** The date and time of an instant: "samedi 28 novembre 2026 à 09:30" (full). */
export function formatDateTime(instant: Date, locale: L, timeZone: string, style: keyof typeof dateStyles = 'long'): string {
  return new Intl.DateTimeFormat(locale, { ...dateStyles[style], timeStyle: 'short', timeZone }).format(instant);
}

export function formatDateRange(start: Date, end: Date, locale: L, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return fmt.formatRange(start, end);
}

/** A short date with its time ("28 nov., 14:30"), for tables that list several days. */
export function formatShortDateTime(instant: Date, locale: L, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

/** A session offered in a form: "12 mai 2026, 14:00 · Its title", its day and time in its event's zone. */
export function formatSessionChoice(session: { startsAt: Date; title: string }, locale: L, timeZone: string): string {
  const when = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(session.startsAt);
  return `${when} · ${session.title}`;
}

/**
 * A session's times on the viewer's own clock, for someone following from another zone (online
 * attendees): "03:30–04:30", with the short day first when it is not the event's day there
 * ("ven. 27 nov., 20:00–21:00"); null when the viewer's clock reads the same as the event's (same
 * zone, or another zone with the same offset then), so nothing is shown twice.
 */
export function formatLocalTimes(start: Date, end: Date | null, locale: L, eventZone: string, viewerZone: string): string | null {
  const same = (instant: Date) => formatShortDateTime(instant, locale, eventZone) === formatShortDateTime(instant, locale, viewerZone);
  if (same(start) && (!end || same(end))) return null;
  const times = end ? `${formatTime(start, locale, viewerZone)}–${formatTime(end, locale, viewerZone)}` : formatTime(start, locale, viewerZone);
  const otherDay = formatShortDay(start, locale, eventZone) !== formatShortDay(start, locale, viewerZone);
  return otherDay ? `${formatShortDay(start, locale, viewerZone)}, ${times}` : times;
}

/** A time zone as people name it: "heure de l’Est nord-américain" (fr), "Eastern Time" (en). */
export function formatZoneName(timeZone: string, locale: L, at = new Date()): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A number: "1 234,5" (fr), "1,234.5" (en). */
export function formatNumber(n: number, locale: L, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n);
}

/** A file size: "12 ko" / "12 kB" under a megabyte, then "1,5 Mo" / "1.5 MB". */
export function formatBytes(bytes: number, locale: L): string {
  return bytes < 1024 * 1024
    ? formatNumber(Math.max(1, bytes / 1024), locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 })
    : formatNumber(bytes / 1024 / 1024, locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

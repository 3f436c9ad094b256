import { formatNumber, formatShortDateTime, formatShortDay, formatTime } from '@/lib/format';

/** The report's figures as the reader writes them (lib/format): counts, decimals, shares, days and times in the event's zone. */
export function reportFormats(locale: string, timeZone: string) {
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return {
    n: (v: number) => formatNumber(v, locale),
    dec: (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 }),
    pct: (v: number) => formatNumber(v, locale, { style: 'percent', maximumFractionDigits: 1 }),
    /** A calendar day (YYYY-MM-DD, already the event's): "lun. 7 déc.". */
    day: (day: string) => formatShortDay(noon(day), locale, 'UTC'),
    when: (iso: string) => formatShortDateTime(new Date(iso), locale, timeZone),
    time: (d: Date) => formatTime(d, locale, timeZone),
  };
}

/**
 * A session's count per person present: on site (checked in) or online (people with time in the
 * room); null when nobody came. Someone both checked in and online counts twice (docs/report.md).
 */
export function perAttendee(count: number, s: { checkedIn: number; onlineViewers: number }): number | null {
  const people = s.checkedIn + s.onlineViewers;
  return people > 0 ? count / people : null;
}

import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { type ExportEvent, type ExportSession } from './types';

const STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** Stable UID of a session's VEVENT: the same across exports and across the two calendars. */
export const sessionUid = (sessionId: string, host: string) => `session-${sessionId}@${host}`;

/**
 * An RFC 5545 calendar: one VEVENT per given session, times in the event's zone with its
 * VTIMEZONE, stable UIDs. Used for the event calendar and for a person's own calendar.
 */
export function buildCalendar(opts: {
  name: string;
  baseUrl: string;
  timeZone: string;
  items: { event: Pick<ExportEvent, 'slug' | 'title' | 'location'>; session: ExportSession }[];
  method?: 'publish';
  /** The line naming a session's speakers, in the reader's language (catalogue `mail.calendarWith`). */
  withPeople: (people: string) => string;
  /** The reader's language, for the calendar's PRODID. */
  locale?: string;
}): string {
  const host = new URL(opts.baseUrl).host;
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Chemins', product: 'chemins', language: (opts.locale ?? 'fr').toUpperCase() },
    timezone: { name: opts.timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    method: opts.method === 'publish' ? ICalCalendarMethod.PUBLISH : undefined,
  });
  for (const { event, session: s } of opts.items) {
    const url = `${opts.baseUrl}/events/${event.slug}/sessions/${s.slug}`;
    const people = s.people.map((p) => (p.organization ? `${p.name} (${p.organization})` : p.name));
    cal.createEvent({
      id: sessionUid(s.id, host),
      // ical-generator writes a Date's local getters next to TZID: give it dates whose getters
      // answer in the event's zone.
      start: new TZDate(s.startsAt.getTime(), opts.timeZone),
      end: new TZDate(s.endsAt.getTime(), opts.timeZone),
      timezone: opts.timeZone,
      summary: s.title,
      description: [s.description, people.length ? opts.withPeople(people.join(', ')) : '', url].filter(Boolean).join('\n\n'),
      location: s.room ? `${s.room.name}${event.location ? `, ${event.location}` : ''}` : (event.location ?? undefined),
      url,
      status: STATUS[s.status],
      categories: [{ name: s.kind }, ...(s.track ? [{ name: s.track.name }] : [])],
    });
  }
  return cal.toString();
}

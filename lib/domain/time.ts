import { TZDate } from '@date-fns/tz';

/** The instant of a local date (YYYY-MM-DD) and time (HH:MM, or HH:MM:SS) in an IANA time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) throw new Error(`Invalid local date/time: ${date} ${time}`);
  const z = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), timeZone);
  return new Date(z.getTime());
}

/**
 * The instant a `datetime-local` field's value (YYYY-MM-DDTHH:MM, seconds optional) names as the
 * wall-clock time of a time zone (an event's), or null when the value is not one. The browser
 * would read it in its own zone: forms about an event send it to this instead.
 */
export function fieldInstant(value: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(value);
  return m ? zonedInstant(m[1]!, m[2]!, timeZone) : null;
}

/** Local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts; // en-CA formats as YYYY-MM-DD
}

/** Local wall-clock time (HH:MM, 24 h) of an instant in a time zone. */
export const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/** ISO 8601 with the zone's offset, e.g. 2018-07-03T09:00:00+02:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  return new TZDate(instant.getTime(), timeZone).toISOString().replace(/\.\d{3}(?=[+-Z])/, '');
}

/**
 * Is the session live at `now`: between its start and end, or while its video room is running
 * (`videoLiveSince`, kept by LiveKit's webhooks)?
 */
export function isLive(
  s: { startsAt: Date; endsAt: Date; status?: string; videoLiveSince?: Date | null },
  now = new Date(),
): boolean {
  return s.status !== 'cancelled' && ((s.startsAt <= now && now < s.endsAt) || Boolean(s.videoLiveSince));
}

/**
 * The IANA time zone of the runtime: in the browser, the viewer's own (client components only,
 * after hydration: the server renders in the event's zone). Undefined when the runtime names none.
 */
export function viewerTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

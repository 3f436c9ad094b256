import { localDate } from './time';

/**
 * The reminders e-mailed before a session starts, to people with a confirmed seat (queued by
 * `queueDueReminders`, db/queries/mail.ts), and how long before.
 */
export const REMINDERS = [
  { kind: 'reminder_day', ms: 86_400_000 },
  { kind: 'reminder_soon', ms: 15 * 60_000 },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];

/**
 * Whether a queued reminder still applies when it is sent at `now`; the mail worker may have been
 * down, and a reminder sent late must not be wrong. Not once the session has started; not the
 * day's reminder when a shorter one is due too (it says the same, sooner); not when the session
 * was moved later than the reminder's lead (a reminder is queued again for the new time).
 */
export function reminderApplies(kind: ReminderKind, startsAt: Date, now: Date): boolean {
  const left = startsAt.getTime() - now.getTime();
  const lead = REMINDERS.find((r) => r.kind === kind)!.ms;
  if (left <= 0 || left > lead) return false;
  return !REMINDERS.some((r) => r.ms < lead && left <= r.ms);
}

/** The calendar day after a local date (YYYY-MM-DD). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** When a session starts, said from a moment: in so many minutes, today, tomorrow, or on a date. */
export type StartsWhen = { in: 'minutes'; minutes: number } | { in: 'today' | 'tomorrow' | 'date' };

/**
 * When the session starts, said from `now` in the event's time zone, as a reminder says it (the
 * words are the catalogue's `mail.startsWhen`): within the hour in minutes, else today, tomorrow
 * or the date, by the calendar of the event's zone.
 */
export function startsWhen(startsAt: Date, now: Date, timeZone: string): StartsWhen {
  const minutes = Math.max(1, Math.round((startsAt.getTime() - now.getTime()) / 60_000));
  if (minutes < 60) return { in: 'minutes', minutes };
  const day = localDate(startsAt, timeZone);
  const today = localDate(now, timeZone);
  if (day === today) return { in: 'today' };
  if (day === nextDay(today)) return { in: 'tomorrow' };
  return { in: 'date' };
}

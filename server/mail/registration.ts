import { exportData } from '@/db/queries/exports';
import type { OutgoingMail } from '@/db/queries/mail';
import { publicUrl } from '@/lib/config';
import { viaMail } from '@/lib/domain/registration-source';
import { startsWhen } from '@/lib/domain/reminders';
import { buildCalendar } from '@/lib/exports/ical';
import { formatDateTime, formatWeekday } from '@/lib/format';
import { type Mail, mailTranslator } from '@/server/mail/transport';

// Mails to registrants (`mail` catalogue), in their language and the event's time zone: the
// confirmation (with the calendar of their sessions), a seat freed from the waiting list, the
// reminders. One compose function per outbox kind (server/mail/kinds.ts).

/** What every registration mail shares: the translator, the greeting, the footer with the personal link. */
function frame(m: OutgoingMail) {
  const base = publicUrl();
  const locale = m.registration.locale;
  const t = mailTranslator(locale);
  const tz = m.event.timeZone;
  const when = (d: Date) => formatDateTime(d, locale, tz, 'full');
  // The link as mailed: opening it proves the address (docs/security.md).
  const link = `${base}/r/${m.registration.mailToken}`;
  const hello = t('hello', { name: m.registration.name });
  // The calendar feed's own read-only token, not the personal link's.
  const calendar = `${base}/api/me/calendar.ics?token=${m.registration.calendarToken}`;
  const footer = `\n\n${t('footer', { link, calendar })}\n\n${t('signature', { event: m.event.title })}\n`;
  return { base, locale, t, tz, when, hello, footer };
}

export async function composeConfirmation(m: OutgoingMail): Promise<Mail> {
  const { base, locale, t, tz, when, hello, footer } = frame(m);
  const data = await exportData(m.event.slug);
  const seat = new Map(m.seats.map((s) => [s.sessionId, s.status]));
  const mine = (data?.sessions ?? []).filter((s) => seat.has(s.id));
  const lines = mine.map((s) => {
    const line = t('sessionLine', { title: s.title, when: when(s.startsAt) });
    return seat.get(s.id) === 'waitlisted' ? t('waitlisted', { line }) : line;
  });
  const ics = data
    ? buildCalendar({
        name: t('calendarName', { event: m.event.title }),
        baseUrl: base,
        timeZone: tz,
        method: 'publish',
        items: mine.map((session) => ({ event: data.event, session })),
        withPeople: (people) => t('calendarWith', { people }),
        locale,
      })
    : null;
  return {
    to: m.registration.email,
    subject: t('confirmationSubject', { event: m.event.title }),
    text: `${hello}\n\n${t('confirmationBody', { event: m.event.title })}${lines.length ? `\n\n${t('yourSessions')}\n${lines.join('\n')}` : ''}${footer}`,
    attachments: ics ? [{ filename: `${m.event.slug}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
  };
}

export async function composePromotion(m: OutgoingMail): Promise<Mail> {
  const { t, when, hello, footer } = frame(m);
  const s = m.session!;
  return {
    to: m.registration.email,
    subject: t('promotionSubject', { title: s.title }),
    text: `${hello}\n\n${t('promotionBody', { title: s.title, when: when(s.startsAt) })}${footer}`,
  };
}

/** Both reminders (the day before, a quarter of an hour before). */
export async function composeReminder(m: OutgoingMail, now = new Date()): Promise<Mail> {
  const { base, locale, t, tz, when, hello, footer } = frame(m);
  const s = m.session!;
  // Said from the moment it is sent: a reminder sent late (the worker was down) is still right.
  const starts = t('startsWhen', { minutes: 0, ...startsWhen(s.startsAt, now, tz), date: formatWeekday(s.startsAt, locale, tz) });
  return {
    to: m.registration.email,
    subject: t('reminderSubject', { starts: starts.charAt(0).toLocaleUpperCase(locale) + starts.slice(1), title: s.title }),
    text: `${hello}\n\n${t('reminderBody', { title: s.title, starts, when: when(s.startsAt) })}\n${viaMail(`${base}/events/${m.event.slug}/sessions/${s.slug}`, m.kind)}${footer}`,
  };
}

import { exportData } from '@/db/queries/exports';
import { queueDueDigests } from '@/db/queries/digest';
import { leaseMails, leasePathMails, markMailDropped, markMailFailed, markMailSent, type OutgoingMail, queueDueReminders } from '@/db/queries/mail';
import type { MailDropReason } from '@/db/schema';
import { publicUrl } from '@/lib/config';
import { reminderApplies, startsWhen } from '@/lib/domain/reminders';
import { buildCalendar } from '@/lib/exports/ical';
import { formatDateTime, formatWeekday } from '@/lib/format';
import { logger } from '@/lib/logger';
import { runEvery } from './periodic';
import { type Mail, mailTranslator, sendMail } from './mail';
import { composePathMail } from './paths-mail';

/** Compose one outgoing mail, in the registrant's language (`mail` catalogue) and the event's time zone. */
export async function compose(m: OutgoingMail, now = new Date()): Promise<Mail> {
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
  if (m.kind === 'confirmation') {
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
  const s = m.session!;
  if (m.kind === 'promotion') {
    return {
      to: m.registration.email,
      subject: t('promotionSubject', { title: s.title }),
      text: `${hello}\n\n${t('promotionBody', { title: s.title, when: when(s.startsAt) })}${footer}`,
    };
  }
  // Said from the moment it is sent: a reminder sent late (the worker was down) is still right.
  const starts = t('startsWhen', { minutes: 0, ...startsWhen(s.startsAt, now, tz), date: formatWeekday(s.startsAt, locale, tz) });
  return {
    to: m.registration.email,
    subject: t('reminderSubject', { starts: starts.charAt(0).toLocaleUpperCase(locale) + starts.slice(1), title: s.title }),
    text: `${hello}\n\n${t('reminderBody', { title: s.title, starts, when: when(s.startsAt) })}\n${base}/events/${m.event.slug}/sessions/${s.slug}${footer}`,
  };
}

/**
 * Why a leased mail no longer applies at `now`, or null if it does; a mail that no longer applies
 * is dropped, not sent: the registration or the seat was cancelled meanwhile, a promotion's
 * session is over, a reminder would be sent late (see `reminderApplies`).
 */
function dropReason(m: OutgoingMail, now: Date): MailDropReason | null {
  if (m.registration.status !== 'active') return 'registration_cancelled';
  const s = m.session;
  if (!s || m.kind === 'confirmation') return null;
  if (!m.seats.some((x) => x.sessionId === s.id && x.status === 'confirmed')) return 'seat_not_confirmed';
  if (m.kind === 'promotion') return now < s.endsAt ? null : 'session_over';
  return reminderApplies(m.kind, s.startsAt, now) ? null : 'reminder_out_of_time';
}

/** Send the due path mails (proposal outcomes, digests); those that no longer apply are dropped. */
async function sendPathMails(now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await leasePathMails(20, now);
    if (!batch.length) return sent;
    for (const m of batch) {
      try {
        const mail = await composePathMail(m);
        if (mail) await sendMail(mail);
        await markMailSent(m.id);
        if (mail) sent++;
      } catch (err) {
        logger().warn({ err, mail: m.id, kind: m.kind }, 'mail not sent, will retry');
        await markMailFailed(m.id, m.attempts, (err as Error).message);
      }
    }
  }
}

/** One pass: queue due reminders and digests, then send what is due. Returns how many mails were sent. */
export async function runMailWorkerOnce(now = new Date()): Promise<number> {
  await queueDueReminders(now);
  await queueDueDigests(now);
  let sent = await sendPathMails(now);
  for (;;) {
    const batch = await leaseMails(20, now);
    if (!batch.length) return sent;
    for (const m of batch) {
      const dropped = dropReason(m, now);
      try {
        if (dropped) {
          await markMailDropped(m.id, dropped);
          continue;
        }
        await sendMail(await compose(m, now));
        await markMailSent(m.id);
        sent++;
      } catch (err) {
        logger().warn({ err, mail: m.id, kind: m.kind }, 'mail not sent, will retry');
        await markMailFailed(m.id, m.attempts, (err as Error).message);
      }
    }
  }
}

/** The background loop of the server process (every `intervalMs`, and once at start). */
export function startMailWorker(intervalMs = 5_000): () => void {
  return runEvery('mail-worker', intervalMs, 0, runMailWorkerOnce);
}

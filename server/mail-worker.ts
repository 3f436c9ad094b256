import { exportData } from '@/db/queries/exports';
import { queueDueDigests } from '@/db/queries/digest';
import { leaseMails, leasePathMails, markMailDropped, markMailFailed, markMailSent, type OutgoingMail, queueDueReminders } from '@/db/queries/mail';
import type { MailDropReason } from '@/db/schema';
import { publicUrl } from '@/lib/config';
import { reminderApplies, startsWhen } from '@/lib/domain/reminders';
import { buildCalendar } from '@/lib/exports/ical';
import { logger } from '@/lib/logger';
import { type Mail, sendMail } from './mail';
import { composePathMail } from './paths-mail';

function when(d: Date, tz: string) {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(d);
}

/** Compose one outgoing mail (French first, with an English line). */
export async function compose(m: OutgoingMail, now = new Date()): Promise<Mail> {
  const base = publicUrl();
  const link = `${base}/r/${m.registration.joinToken}`;
  const hello = `Bonjour ${m.registration.name},`;
  const footer = `\n\nVotre lien personnel (gérer l’inscription, rejoindre les salles en ligne) :\n${link}\n\nCalendrier à suivre : ${base}/api/me/calendar.ics?token=${m.registration.joinToken}\n\n— Chemins · ${m.event.title}\n(Your personal link: ${link})\n`;
  if (m.kind === 'confirmation') {
    const data = await exportData(m.event.slug);
    const seat = new Map(m.seats.map((s) => [s.sessionId, s.status]));
    const mine = (data?.sessions ?? []).filter((s) => seat.has(s.id));
    const lines = mine.map(
      (s) => `• ${s.title} — ${when(s.startsAt, m.event.timeZone)}${seat.get(s.id) === 'waitlisted' ? ' (liste d’attente)' : ''}`,
    );
    const ics = data
      ? buildCalendar({
          name: `${m.event.title} — mon programme`,
          baseUrl: base,
          timeZone: m.event.timeZone,
          method: 'publish',
          items: mine.map((session) => ({ event: data.event, session })),
        })
      : null;
    return {
      to: m.registration.email,
      subject: `Inscription confirmée : ${m.event.title}`,
      text: `${hello}\n\nVotre inscription à « ${m.event.title} » est enregistrée.${lines.length ? `\n\nVos sessions :\n${lines.join('\n')}` : ''}${footer}`,
      attachments: ics ? [{ filename: `${m.event.slug}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
    };
  }
  const s = m.session!;
  if (m.kind === 'promotion') {
    return {
      to: m.registration.email,
      subject: `Une place s’est libérée : ${s.title}`,
      text: `${hello}\n\nUne place s’est libérée : vous passez de la liste d’attente à une place confirmée pour « ${s.title} » (${when(s.startsAt, m.event.timeZone)}).${footer}`,
    };
  }
  // Said from the moment it is sent: a reminder sent late (the worker was down) is still right.
  const starts = startsWhen(s.startsAt, now, m.event.timeZone);
  return {
    to: m.registration.email,
    subject: `${starts} : ${s.title}`,
    text: `${hello}\n\nRappel : « ${s.title} » commence ${starts.charAt(0).toLowerCase()}${starts.slice(1)} (${when(s.startsAt, m.event.timeZone)}).\n${base}/events/${m.event.slug}/sessions/${s.slug}${footer}`,
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
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runMailWorkerOnce()
      .catch((err) => logger().error({ err }, 'mail worker pass failed'))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

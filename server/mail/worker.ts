import { queueDueDigests } from '@/db/queries/digest';
import {
  leaseOutbox,
  markMailDropped,
  markMailFailed,
  markMailInvalid,
  markMailSent,
  type OutboxRow,
  type OutgoingMail,
  queueDueReminders,
  registrationMails,
} from '@/db/queries/mail';
import type { MailDropReason } from '@/db/schema';
import { reminderApplies } from '@/lib/domain/reminders';
import { logger } from '@/lib/logger';
import { isAfterSessionMail } from '@/lib/domain/feedback';
import { type OutboxMail, parseOutboxRow, REGISTRATION_MAIL_KINDS, type RegistrationMailKind } from '@/lib/mail/outbox';
import { type Mail, sendMail } from '@/server/mail/transport';
import { composeOtherMail, composeRegistrationMail } from '@/server/mail/kinds';
import { runEvery } from '@/server/jobs/periodic';

/**
 * Why a leased mail no longer applies at `now`, or null if it does; a mail that no longer applies
 * is dropped, not sent: the registration or the seat was cancelled meanwhile, a promotion's
 * session is over, a reminder would be sent late (see `reminderApplies`).
 */
function dropReason(m: OutgoingMail, now: Date): MailDropReason | null {
  if (m.registration.status !== 'active') return 'registration_cancelled';
  // After a session: whether they attended or held a seat was decided when queued; only their choice counts now.
  if (isAfterSessionMail(m.kind)) return m.registration.afterSessionMails ? null : 'opted_out';
  const s = m.session;
  if (!s || m.kind === 'confirmation') return null;
  if (!m.seats.some((x) => x.sessionId === s.id && x.status === 'confirmed')) return 'seat_not_confirmed';
  if (m.kind === 'promotion') return now < s.endsAt ? null : 'session_over';
  return reminderApplies(m.kind, s.startsAt, now) ? null : 'reminder_out_of_time';
}

/**
 * Parse leased rows with their kinds' schemas (lib/mail/outbox.ts). A row that does not parse is
 * a bug where it was written: it is marked failed at once, with why, and logged, never retried.
 */
async function parsed(rows: OutboxRow[]): Promise<OutboxMail[]> {
  const mails: OutboxMail[] = [];
  for (const row of rows) {
    const p = parseOutboxRow(row);
    if (p.ok) {
      mails.push(p.mail);
      continue;
    }
    logger().error({ mail: row.id, kind: row.kind, error: p.error }, 'outbox row does not match its kind: marked failed, not sent');
    await markMailInvalid(row.id, p.error);
  }
  return mails;
}

const isRegistrationMail = (m: OutboxMail): m is OutboxMail<RegistrationMailKind> => (REGISTRATION_MAIL_KINDS as readonly string[]).includes(m.kind);

/** Send one mail (null: it no longer applies, marked sent without sending); a failure is retried with backoff. */
async function deliver(m: { id: string; kind: string; attempts: number }, compose: () => Promise<Mail | null>): Promise<boolean> {
  try {
    const mail = await compose();
    if (mail) await sendMail(mail);
    await markMailSent(m.id);
    return Boolean(mail);
  } catch (err) {
    logger().warn({ err, mail: m.id, kind: m.kind }, 'mail not sent, will retry');
    await markMailFailed(m.id, m.attempts, (err as Error).message);
    return false;
  }
}

/** Send the due mails that are not registration mails (proposal outcomes, digests, calls' mails). */
async function sendOtherMails(now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const rows = await leaseOutbox('other', 20, now);
    if (!rows.length) return sent;
    for (const m of await parsed(rows)) {
      if (isRegistrationMail(m)) {
        // Only possible for a row whose registration column is empty, which its schema refuses.
        await markMailInvalid(m.id, `a ${m.kind} mail without a registration`);
        continue;
      }
      if (await deliver(m, () => composeOtherMail(m, now))) sent++;
    }
  }
}

/** One pass: queue due reminders and digests, then send what is due. Returns how many mails were sent. */
export async function runMailWorkerOnce(now = new Date()): Promise<number> {
  await queueDueReminders(now);
  await queueDueDigests(now);
  let sent = await sendOtherMails(now);
  for (;;) {
    const rows = await leaseOutbox('registration', 20, now);
    if (!rows.length) return sent;
    const mails = await parsed(rows);
    const registration = mails.filter(isRegistrationMail);
    for (const m of mails) {
      if (!isRegistrationMail(m)) await markMailInvalid(m.id, `a ${m.kind} mail with a registration`);
    }
    for (const m of await registrationMails(registration)) {
      const dropped = dropReason(m, now);
      if (dropped) {
        await markMailDropped(m.id, dropped);
        continue;
      }
      if (await deliver(m, () => composeRegistrationMail(m, now))) sent++;
    }
  }
}

/** The background loop of the server process (every `intervalMs`, and once at start). */
export function startMailWorker(intervalMs = 5_000): () => void {
  return runEvery('mail-worker', intervalMs, 0, runMailWorkerOnce);
}

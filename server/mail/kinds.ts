import type { OutgoingMail } from '@/db/queries/mail';
import { type OtherMailKind, OUTBOX_KINDS, type OutboxKind, type OutboxMail } from '@/lib/mail/outbox';
import { composeCallMail } from '@/server/calls/mail';
import type { Mail } from '@/server/mail/transport';
import { composePathDigest, composeResourceOutcome } from '@/server/paths/mail';
import { composeConfirmation, composePromotion, composeReminder } from '@/server/mail/registration';
import { composeAfterSession } from '@/server/feedback/compose-after-session-mail';

// The registry of outbox kinds: per kind, its schemas (lib/mail/outbox.ts: what a row holds,
// checked when it is queued and parsed when it is read) and its compose function. A kind added
// to the outbox fails the type check here until it has both. Registration mails are composed
// from what their row points at (`registrationMails`, db/queries/mail.ts); the others from their
// parsed row. A compose function returns null for a mail that no longer applies (marked sent
// without sending, as before).

type Composer<K extends OutboxKind> = K extends OtherMailKind
  ? (m: OutboxMail<K>, now: Date) => Promise<Mail | null>
  : (m: OutgoingMail, now: Date) => Promise<Mail | null>;

export const MAIL_KINDS: { [K in OutboxKind]: { schema: (typeof OUTBOX_KINDS)[K]; compose: Composer<K> } } = {
  confirmation: { schema: OUTBOX_KINDS.confirmation, compose: composeConfirmation },
  promotion: { schema: OUTBOX_KINDS.promotion, compose: composePromotion },
  reminder_day: { schema: OUTBOX_KINDS.reminder_day, compose: composeReminder },
  reminder_soon: { schema: OUTBOX_KINDS.reminder_soon, compose: composeReminder },
  resource_outcome: { schema: OUTBOX_KINDS.resource_outcome, compose: composeResourceOutcome },
  path_digest: { schema: OUTBOX_KINDS.path_digest, compose: composePathDigest },
  call_mail: { schema: OUTBOX_KINDS.call_mail, compose: async (m) => composeCallMail(m.payload) },
  feedback_request: { schema: OUTBOX_KINDS.feedback_request, compose: composeAfterSession },
  session_missed: { schema: OUTBOX_KINDS.session_missed, compose: composeAfterSession },
  replay_ready: { schema: OUTBOX_KINDS.replay_ready, compose: composeAfterSession },
};

/** Compose a registration mail with its kind's function; null when it no longer applies. */
export function composeRegistrationMail(m: OutgoingMail, now: Date): Promise<Mail | null> {
  return (MAIL_KINDS[m.kind].compose as Composer<'confirmation'>)(m, now);
}

/** Compose another mail (paths, calls) with its kind's function; null when it no longer applies. */
export function composeOtherMail(m: OutboxMail<OtherMailKind>, now: Date): Promise<Mail | null> {
  return (MAIL_KINDS[m.kind].compose as Composer<OtherMailKind>)(m as never, now);
}

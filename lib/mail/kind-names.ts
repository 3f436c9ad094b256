/**
 * The outbox's mail kinds by name only, without their schemas (lib/mail/outbox.ts), for code the
 * browser loads (a registration's source, components/RegistrationSource.tsx): zod stays out of
 * the programme's bundle. outbox.ts checks at compile time that its kinds are exactly these.
 */
export const OUTBOX_KIND_NAMES = [
  'confirmation',
  'promotion',
  'reminder_day',
  'reminder_soon',
  'resource_outcome',
  'path_digest',
  'call_mail',
  'feedback_request',
  'session_missed',
  'replay_ready',
] as const;

export type OutboxKindName = (typeof OUTBOX_KIND_NAMES)[number];

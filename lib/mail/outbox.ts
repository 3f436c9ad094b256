import { z } from 'zod';
import type { OutboxKindName } from './kind-names';
import { PROPOSAL_STATUSES } from '@/lib/domain/calls';

// The kinds of the mail outbox (`mail_outbox`, db/schema.ts), one entry per kind: which columns
// point at what the mail is about (`refs`) and what is fixed in `payload` when it is queued.
// Rows are checked against these schemas where they are written (`enqueue`, db/queries/mail.ts)
// and parsed with them where they are read (the mail worker, server/mail/worker.ts); the SQL
// functions that queue registration mails (db/functions/registrations.sql) write the same shapes,
// which a test checks (test/integration/outbox-kinds.test.ts). Each kind's compose function is in
// server/mail/kinds.ts.

const id = z.uuid();
const locale = z.enum(['fr', 'en']);

/** Registration mails: about a registrant (and, but for the confirmation, one of their sessions); nothing in `payload`. */
const registrationMail = { refs: z.object({ registrationId: id, sessionId: z.null().default(null) }), payload: z.null().default(null) };
const sessionMail = { refs: z.object({ registrationId: id, sessionId: id }), payload: z.null().default(null) };

const callMailPayload = z.object({
  template: z.enum(['ack', 'status', 'invite']),
  to: z.string().min(1),
  locale,
  name: z.string(),
  call: z.string(),
  title: z.string(),
  path: z.string().startsWith('/'),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  reason: z.string().nullish(),
  by: z.string().optional(),
  diff: z.array(z.object({ field: z.enum(['title', 'abstract']), before: z.string(), after: z.string() })).nullish(),
  proposer: z.string().optional(),
  confirmPath: z.string().startsWith('/').optional(),
});

export const OUTBOX_KINDS = {
  confirmation: registrationMail,
  promotion: sessionMail,
  reminder_day: sessionMail,
  reminder_soon: sessionMail,
  /** A resource proposal's outcome, to its proposer. */
  resource_outcome: {
    refs: z.object({ resourceId: id }),
    payload: z.object({
      to: z.string().min(1),
      name: z.string().nullable(),
      locale: locale.optional(),
      outcome: z.enum(['published', 'declined']),
      reason: z.string().nullable(),
      title: z.string(),
      slug: z.string(),
      path: z.object({ slug: z.string(), title: z.string() }).nullable(),
    }),
  },
  /** A path's weekly digest, to a subscription: the resources are read again when it is sent. */
  path_digest: {
    refs: z.object({ subscriptionId: id }),
    payload: z.object({ to: z.string().min(1), locale, period: z.string(), until: z.string(), resourceIds: z.array(id) }),
  },
  /** A call-for-proposals mail: acknowledgement, status change, co-facilitator's invitation. */
  call_mail: { refs: z.object({}), payload: callMailPayload },
  /** After a session (server/feedback): the feedback request, to one who attended. */
  feedback_request: sessionMail,
  /** After a session: "you missed it", to a confirmed registrant who did not come. */
  session_missed: sessionMail,
  /** A replay of the session is published (the key names the replay), to its registrants. */
  replay_ready: sessionMail,
} as const;

export type OutboxKind = keyof typeof OUTBOX_KINDS;
// The names the browser's code uses (lib/mail/kind-names.ts) are exactly these kinds: each way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindNamesMatch: Same<OutboxKind, OutboxKindName> = true;
void kindNamesMatch;
/** The mails after a session, which a registrant may opt out of (`registrations.after_session_mails`). */
export const AFTER_SESSION_MAIL_KINDS = ['feedback_request', 'session_missed', 'replay_ready'] as const satisfies readonly OutboxKind[];
export type AfterSessionMailKind = (typeof AFTER_SESSION_MAIL_KINDS)[number];
export const REGISTRATION_MAIL_KINDS = ['confirmation', 'promotion', 'reminder_day', 'reminder_soon', ...AFTER_SESSION_MAIL_KINDS] as const satisfies readonly OutboxKind[];
export type RegistrationMailKind = (typeof REGISTRATION_MAIL_KINDS)[number];
export type OtherMailKind = Exclude<OutboxKind, RegistrationMailKind>;

type Entry<K extends OutboxKind> = (typeof OUTBOX_KINDS)[K];
export type OutboxPayload<K extends OutboxKind> = z.output<Entry<K>['payload']>;
export type OutboxRefs<K extends OutboxKind> = z.output<Entry<K>['refs']>;
/** What `enqueue` takes for one mail of kind K. */
export type OutboxInput<K extends OutboxKind> = { dedupeKey: string } & Named<z.input<Entry<K>['refs']>> & { payload?: z.input<Entry<K>['payload']> };
/** zod's input of an empty object is `Record<string, never>`, which no `dedupeKey` would fit. */
type Named<T> = T extends Record<string, never> ? unknown : T;
/** A row of kind K as the worker reads it, once parsed. */
export type OutboxMail<K extends OutboxKind = OutboxKind> = K extends OutboxKind
  ? { id: string; kind: K; attempts: number; refs: OutboxRefs<K>; payload: OutboxPayload<K> }
  : never;

export type CallMailPayload = OutboxPayload<'call_mail'>;

/** Check one mail before it is written: its columns, payload included (throws a ZodError when it is wrong: a bug). */
export function outboxValues<K extends OutboxKind>(kind: K, input: OutboxInput<K>) {
  const e = OUTBOX_KINDS[kind] as Entry<OutboxKind>;
  const refs = e.refs.parse(input) as Record<string, string | null>;
  const payload = e.payload.parse(input.payload ?? null);
  return {
    kind,
    dedupeKey: z.string().min(1).parse(input.dedupeKey),
    registrationId: refs.registrationId ?? null,
    sessionId: refs.sessionId ?? null,
    resourceId: refs.resourceId ?? null,
    subscriptionId: refs.subscriptionId ?? null,
    payload: payload as Record<string, unknown> | null,
  };
}

type Row = { id: string; kind: string; attempts: number; registrationId: string | null; sessionId: string | null; resourceId: string | null; subscriptionId: string | null; payload: unknown };

/** Parse a row read from the outbox with its kind's schemas; `error` says what is wrong with it. */
export function parseOutboxRow(row: Row): { ok: true; mail: OutboxMail } | { ok: false; error: string } {
  if (!Object.hasOwn(OUTBOX_KINDS, row.kind)) return { ok: false, error: `unknown mail kind “${row.kind}”` };
  const e = OUTBOX_KINDS[row.kind as OutboxKind] as Entry<OutboxKind>;
  const refs = e.refs.safeParse(row);
  if (!refs.success) return { ok: false, error: `invalid ${row.kind} mail columns: ${z.prettifyError(refs.error)}` };
  const payload = e.payload.safeParse(row.payload ?? null);
  if (!payload.success) return { ok: false, error: `invalid ${row.kind} mail payload: ${z.prettifyError(payload.error)}` };
  return { ok: true, mail: { id: row.id, kind: row.kind, attempts: row.attempts, refs: refs.data, payload: payload.data } as OutboxMail };
}

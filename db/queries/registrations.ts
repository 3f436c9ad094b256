import { pick } from './columns';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { RegistrationRequest, SeatMode, SeatStatus } from '@/lib/domain/registration';
import type { Question } from '@/lib/domain/questions';
import { DomainError } from '@/lib/errors';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { executePrepared, getDb, type Db, type Tx } from '../client';
import { events, invitationCodes, newToken, programmeSessions, registrations, registrationSessions } from '../schema';

// ---------------------------------------------------------------- registrations
//
// The rules of a registration (open sessions, invitation codes, answers, seats, the waiting
// list, the confirmation mail, promotions on cancel) live in one place: the SQL functions of
// db/functions/30_registrations.sql. This module only queues requests into batches and
// hands each batch to `register_people`, the one writer; see docs/architecture.md, "Registrations".

/** A seat (or place on a waiting list) as the SQL functions answer it. */
export type Seat = { sessionId: string; status: SeatStatus; mode: SeatMode };

export type RegistrationResult = {
  created: boolean;
  /**
   * A repeat by someone who does not hold the registration: nothing changed, and its personal
   * link was mailed to the address (the registration's fields are then not to be answered).
   */
  mailed?: boolean;
  registration: {
    id: string;
    status: 'active' | 'cancelled';
    sessions: Seat[];
    joinToken: string;
  };
  /** Seats this call gave (for the confirmation mail). */
  newSeats: Seat[];
};

/** A refusal as the SQL functions give it: the public error (status, code, message, fields). */
type Refusal = { error: { status: DomainError['status']; code: string; message: string; fields?: Record<string, string> } };
const refused = (r: Refusal) => new DomainError(r.error.status, r.error.code, r.error.message, r.error.fields);

/** A JSON column as postgres.js (parsed) or another driver (text) gives it. */
const fromJson = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The event's registration questions, in order (the SQL function `event_questions_json`, migration 0003). */
export async function questionsOf(db: Db, eventId: string): Promise<Question[]> {
  const [row] = await executePrepared<{ questions: string | Question[] }>(db, sql`select event_questions_json(${eventId}::uuid) as questions`);
  return fromJson(row!.questions);
}

// Registrations that arrive together are written together ("group commit"): one call of
// `register_people`, one transaction and one commit (one disk flush) for the batch, which is what
// holds 1,000 registrations/s on a Postgres that flushes every commit. A lone request is a
// batch of one. The queue is a per-process singleton on globalThis, shared by the Node server's
// module graph (the HTTP route) and Next's (the form's server action): docs/architecture.md.

/** Most registrations written by one call. */
const BATCH_MAX = 64;
/**
 * One batch at a time per event: requests that arrive while a batch is written make the next one,
 * so batches are larger and round trips fewer. Events do not wait for each other (a batch waiting
 * on a session's lock holds up its own event only), up to this many batches at once, each on its
 * own pooled connection.
 */
const EVENTS_WRITING = 4;

/**
 * Who asks, as far as a registration cares (docs/security.md): the registration they hold (its
 * join token, or its personal link opened in this browser), and the address they are signed in
 * with. Only they may change an existing registration; the latter's new registrations are theirs.
 */
export type Registrant = { holder?: string | null; provenEmail?: string | null };

type Job = {
  eventSlug: string;
  req: RegistrationRequest;
  who: Registrant;
  /** The registrant's language, kept on the registration for their mails. */
  locale: Locale;
  /** Arrival time, microseconds since the epoch, strictly increasing in this process. */
  at: number;
  /**
   * Called with the outcome as plain data: the batch may be written by the other module graph's
   * copy of this code, so the result (and its DomainError class) is made by the caller's copy.
   */
  resolve: (o: Outcome) => void;
  reject: (err: unknown) => void;
};

/** The process's registration queue (one per process, whichever module graph asks). */
export type RegistrationQueue = {
  jobs: Job[];
  /** Events (slugs) with a batch being written. */
  writing: Set<string>;
  scheduled: boolean;
  lastAt: number;
  /** Batches written so far (for tests and logs). */
  batches: number;
};

const g = globalThis as unknown as { __cheminsRegistrationQueue?: RegistrationQueue };

export function registrationQueue(): RegistrationQueue {
  return (g.__cheminsRegistrationQueue ??= { jobs: [], writing: new Set(), scheduled: false, lastAt: 0, batches: 0 });
}

/**
 * Arrival time in microseconds (Postgres keeps microseconds): the wall clock, and one more
 * microsecond than the last one when two requests arrive in the same millisecond, so that the
 * waiting list keeps their order.
 */
function arrival(q: RegistrationQueue): number {
  q.lastAt = Math.max(Date.now() * 1000, q.lastAt + 1);
  return q.lastAt;
}

/** `at` (microseconds) as an ISO 8601 timestamp with microseconds, for Postgres. */
function isoMicros(at: number): string {
  return `${new Date(Math.floor(at / 1000)).toISOString().slice(0, -1)}${String(at % 1000).padStart(3, '0')}Z`;
}

/**
 * Register (or update the registration of) `req.email` to an event and some of its sessions.
 * No session ever gets more confirmed seats than its capacity, a full session puts the person
 * on its waiting list, and the same e-mail sent many times at once yields one registration.
 * A refusal is a DomainError with the public status and code.
 */
export function register(
  eventSlug: string,
  req: RegistrationRequest,
  locale: Locale = DEFAULT_LOCALE,
  who: Registrant = {},
): Promise<RegistrationResult> {
  const q = registrationQueue();
  return new Promise<Outcome>((resolve, reject) => {
    q.jobs.push({ eventSlug, req, who, locale, at: arrival(q), resolve, reject });
    schedule(q);
  }).then((o) => {
    if ('error' in o) throw refused(o);
    const { created, mailed, newSeats, id, sessions, joinToken } = o.ok;
    return { created, ...(mailed ? { mailed } : {}), registration: { id, status: 'active', sessions, joinToken }, newSeats };
  });
}

/** The oldest request whose event has no batch being written, if another batch may start. */
function nextWaiting(q: RegistrationQueue): Job | undefined {
  return q.writing.size < EVENTS_WRITING ? q.jobs.find((job) => !q.writing.has(job.eventSlug)) : undefined;
}

/** Start batches on the next turn of the event loop, so that requests read together go together. */
function schedule(q: RegistrationQueue) {
  if (q.scheduled || !nextWaiting(q)) return;
  q.scheduled = true;
  setImmediate(() => {
    q.scheduled = false;
    for (let job = nextWaiting(q); job; job = nextWaiting(q)) {
      const slug = job.eventSlug;
      const batch = takeBatch(q, slug);
      q.writing.add(slug);
      q.batches++;
      void runBatch(batch).finally(() => {
        q.writing.delete(slug);
        schedule(q);
      });
    }
  });
}

/** The oldest requests for an event, in arrival order. */
function takeBatch(q: RegistrationQueue, slug: string): Job[] {
  const batch: Job[] = [];
  const rest: Job[] = [];
  for (const job of q.jobs) (batch.length < BATCH_MAX && job.eventSlug === slug ? batch : rest).push(job);
  q.jobs.splice(0, q.jobs.length, ...rest);
  return batch;
}

async function runBatch(batch: Job[]) {
  try {
    settle(batch, await writeBatch(batch));
  } catch (err) {
    if (batch.length === 1) return batch[0]!.reject(err);
    // The batch wrote nothing (a deadlock, the same e-mail registered by another process at the
    // same moment…): each request is tried on its own, so a fault tied to one person fails that
    // person only.
    logger().warn({ err, size: batch.length }, 'registration batch failed; trying each registration alone');
    await Promise.all(batch.map((job) => writeBatch([job]).then((o) => settle([job], o), job.reject)));
  }
}

type Outcome = { ok: Omit<RegistrationResult, 'registration'> & RegistrationResult['registration'] } | Refusal;

function settle(jobs: Job[], outcomes: Outcome[]) {
  jobs.forEach((job, i) => job.resolve(outcomes[i]!));
}

/** One call of `register_people` (db/functions/30_registrations.sql: the rules run set-based over the batch), a named prepared statement. */
async function writeBatch(jobs: Job[]): Promise<Outcome[]> {
  const people = jobs.map((j) => ({
    email: j.req.email,
    name: j.req.name,
    answers: j.req.answers,
    sessions: j.req.sessionIds,
    modes: j.req.modes ?? {},
    invitationCode: j.req.invitationCode,
    source: j.req.source ?? null,
    at: isoMicros(j.at),
    token: newToken(),
    locale: j.locale,
    holder: j.who.holder ?? null,
    provenEmail: j.who.provenEmail ?? null,
  }));
  const [row] = await executePrepared<{ outcomes: string | Outcome[] }>(
    await getDb(),
    sql`select register_people(${jobs[0]!.eventSlug}, ${JSON.stringify(people)}::jsonb) as outcomes`,
  );
  return fromJson(row!.outcomes);
}

export type ModeChange = Seat & { promoted: string[] };

/**
 * Change the mode (on site or online) of a hybrid session's seat, from the personal link or the
 * check-in desk: the new mode's capacity is checked, a freed seat goes to its waiting list (the SQL
 * function `change_seat_mode`). A refusal is a DomainError (404, 400 `mode_not_offered`, 409 `mode_full`).
 */
export async function changeSeatMode(joinToken: string, sessionId: string, mode: SeatMode): Promise<ModeChange> {
  const [row] = await executePrepared<{ result: string | ModeChange | Refusal }>(
    await getDb(),
    sql`select change_seat_mode(${joinToken}, ${sessionId}::uuid, ${mode}::seat_mode) as result`,
  );
  const result = fromJson(row!.result);
  if ('error' in result) throw refused(result);
  return result;
}

export type CancelResult = {
  cancelled: string[];
  promoted: { sessionId: string; registrationIds: string[] }[];
};

/**
 * Cancel a registration's seat in one session, or the whole registration (every seat), from the
 * personal link. Freed seats go to the waiting list in order, in the same transaction (the SQL
 * function `cancel_registration`).
 */
export async function cancel(joinToken: string, sessionId?: string): Promise<CancelResult> {
  const [row] = await executePrepared<{ result: string | CancelResult | Refusal }>(
    await getDb(),
    sql`select cancel_registration(${joinToken}, ${sessionId ?? null}::uuid) as result`,
  );
  const result = fromJson(row!.result);
  if ('error' in result) throw refused(result);
  return result;
}

/** Create an invitation code for an event (or one session). Organizer checks happen in the caller's query. */
export async function createInvitationCode(
  tx: Tx,
  input: { eventId: string; sessionId?: string | null; code: string; maxUses?: number | null },
) {
  const [row] = await tx
    .insert(invitationCodes)
    .values({ eventId: input.eventId, sessionId: input.sessionId ?? null, code: input.code, maxUses: input.maxUses ?? null })
    .returning();
  return row!;
}

/** A session's seats: confirmed and waitlisted, and each per mode (on site, online). */
export type SeatCount = { confirmed: number; waitlisted: number; confirmedOnsite: number; confirmedOnline: number; waitlistOnsite: number; waitlistOnline: number };
export const NO_SEATS: SeatCount = { confirmed: 0, waitlisted: 0, confirmedOnsite: 0, confirmedOnline: 0, waitlistOnsite: 0, waitlistOnline: 0 };

const seatCount = (status: 'confirmed' | 'waitlisted', mode?: SeatMode) =>
  mode
    ? sql<number>`count(${registrationSessions.registrationId}) filter (where ${registrationSessions.status} = ${status} and ${registrationSessions.mode} = ${mode})::int`
    : sql<number>`count(${registrationSessions.registrationId}) filter (where ${registrationSessions.status} = ${status})::int`;

/** The columns of a `SeatCount`, for a query grouped by session over `registration_sessions` (joined or left-joined). */
export const seatCountColumns = () => ({
  confirmed: seatCount('confirmed'),
  waitlisted: seatCount('waitlisted'),
  confirmedOnsite: seatCount('confirmed', 'onsite'),
  confirmedOnline: seatCount('confirmed', 'online'),
  waitlistOnsite: seatCount('waitlisted', 'onsite'),
  waitlistOnline: seatCount('waitlisted', 'online'),
});

/** Seat counts per session of an event: confirmed and waitlisted, in all and per mode. */
export async function seatCounts(eventId: string): Promise<Map<string, SeatCount>> {
  const db = await getDb();
  const rows = await db
    .select({ sessionId: registrationSessions.sessionId, ...seatCountColumns() })
    .from(registrationSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
    .where(eq(programmeSessions.eventId, eventId))
    .groupBy(registrationSessions.sessionId);
  return new Map(rows.map(({ sessionId, ...c }) => [sessionId, c]));
}

/**
 * A registration by its calendar feed's token (read-only, revocable: docs/security.md), with its
 * event and its seats.
 */
export async function registrationByCalendarToken(token: string) {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [reg] = await db
    .select({
      ...pick(registrations, 'id', 'name', 'email', 'status', 'locale'),
      eventSlug: events.slug,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    // The join token still opens it: subscriptions made before the feed had its own token.
    .where(or(eq(registrations.calendarToken, token), eq(registrations.joinToken, token)))
    .limit(1);
  if (!reg) return null;
  const seats = await db
    .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status, mode: registrationSessions.mode })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.registrationId, reg.id), ne(registrationSessions.status, 'cancelled')));
  return { ...reg, seats: seats as Seat[] };
}

/** A new calendar feed token for one of the person's registrations: the old feed address stops working. */
export async function renewCalendarToken(registrationId: string): Promise<void> {
  const db = await getDb();
  await db.update(registrations).set({ calendarToken: sql`new_token()` }).where(eq(registrations.id, registrationId));
}

import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { RegistrationRequest, SeatStatus } from '@/lib/domain/registration';
import { checkAnswers, type Question } from '@/lib/domain/questions';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { executePrepared, getDb, sqlState, type Db, type Tx } from '../client';
import { events, invitationCodes, newToken, programmeSessions, registrations, registrationSessions } from '../schema';
import { enqueueMail } from './mail';

export type RegistrationResult = {
  created: boolean;
  registration: {
    id: string;
    status: 'active' | 'cancelled';
    sessions: { sessionId: string; status: SeatStatus }[];
    joinToken: string;
  };
  /** Seats this call gave (for the confirmation mail). */
  newSeats: { sessionId: string; status: SeatStatus }[];
};

/** The event's registration questions, in order (the SQL function `event_questions_json`, migration 0003). */
export async function questionsOf(db: Db, eventId: string): Promise<Question[]> {
  const [row] = await executePrepared<{ questions: string | Question[] }>(db, sql`select event_questions_json(${eventId}::uuid) as questions`);
  return fromJson(row!.questions);
}

/**
 * Take a seat if one is free: one conditional UPDATE, atomic under the row lock it takes (held to
 * commit). Returns false when the session is full.
 */
async function takeSeat(tx: Tx, sessionId: string): Promise<boolean> {
  const rows = await tx
    .update(programmeSessions)
    .set({ confirmedCount: sql`${programmeSessions.confirmedCount} + 1` })
    .where(
      and(
        eq(programmeSessions.id, sessionId),
        sql`(${programmeSessions.capacity} is null or ${programmeSessions.confirmedCount} < ${programmeSessions.capacity})`,
      ),
    )
    .returning({ id: programmeSessions.id });
  return rows.length > 0;
}

/** Lock a session row (the waiting list and promotions are decided under it). */
async function lockSession(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select({ capacity: programmeSessions.capacity, confirmedCount: programmeSessions.confirmedCount })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .for('no key update');
  return row!;
}

async function activeSeats(tx: Tx, registrationId: string) {
  return tx
    .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.registrationId, registrationId), ne(registrationSessions.status, 'cancelled')))
    .orderBy(asc(registrationSessions.requestedAt)) as Promise<{ sessionId: string; status: SeatStatus }[]>;
}

/** A JSON column as postgres.js (parsed) or another driver (text) gives it. */
const fromJson = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * The checks every registration passes before anything is written: its sessions belong to the
 * event and are not cancelled, its answers fit the event's questions. A refusal, or the answers
 * as they will be stored.
 */
function checkRequest(
  ids: string[],
  sessions: Map<string, { status: string }>,
  questions: Question[],
  answers: RegistrationRequest['answers'],
): { error: DomainError } | { answers: Record<string, string | string[] | boolean> } {
  const unknown = ids.filter((id) => !sessions.has(id));
  if (unknown.length) {
    return { error: new DomainError(404, 'session_not_found', 'Some sessions are not part of this event.', { sessionIds: `unknown: ${unknown.join(', ')}` }) };
  }
  const cancelled = ids.filter((id) => sessions.get(id)!.status === 'cancelled');
  if (cancelled.length) {
    return { error: new DomainError(400, 'session_cancelled', 'Some sessions are cancelled.', { sessionIds: `cancelled: ${cancelled.join(', ')}` }) };
  }
  const checked = checkAnswers(questions, answers);
  return checked.ok ? { answers: checked.answers } : { error: new DomainError(400, 'invalid', 'Some answers are not valid.', checked.fields) };
}

// ---------------------------------------------------------------- registrations, written in batches
//
// Registrations that arrive together are written together ("group commit"): the new people of a
// batch are written by one call of the SQL function `register_batch`, one round trip, atomic on
// its own. Seats are decided in it under each session's row lock, in the order the requests
// arrived, so the rules are those of one-at-a-time registration: never more confirmed seats than
// the capacity, the waiting list in arrival order, one registration per e-mail. A person whose
// request is refused (unknown session, bad answers) gets their own error and the others are
// written. Everything else goes through `registerOne`, one transaction per person: people
// registered before (they may hold seats already), invitation-only requests (a code is checked
// and used), and any batch that fails as a whole.

/** Most registrations written by one call. */
const BATCH_MAX = 64;
/**
 * One batch at a time per event: requests that arrive while a batch is written make the next one,
 * so batches are larger and round trips fewer (on the 2-core benchmark machine this beat 2 in
 * flight by about 6 %, bench/registration). Events do not wait for each other (a batch waiting on
 * a session's lock holds up its own event only), up to this many batches at once, each on its
 * own pooled connection.
 */
const EVENTS_WRITING = 4;

type Job = {
  eventSlug: string;
  req: RegistrationRequest;
  /** Arrival time, microseconds since the epoch, strictly increasing in this process. */
  at: number;
  resolve: (r: RegistrationResult) => void;
  reject: (err: unknown) => void;
};

const queue: Job[] = [];
/** Events (slugs) with a batch being written. */
const writing = new Set<string>();
let scheduled = false;
let lastAt = 0;

/**
 * Arrival time in microseconds (Postgres keeps microseconds): the wall clock, and one more
 * microsecond than the last one when two requests arrive in the same millisecond, so that the
 * waiting list keeps their order.
 */
function arrival(): number {
  lastAt = Math.max(Date.now() * 1000, lastAt + 1);
  return lastAt;
}

/** `at` (microseconds) as an ISO 8601 timestamp with microseconds, for Postgres. */
function isoMicros(at: number): string {
  return `${new Date(Math.floor(at / 1000)).toISOString().slice(0, -1)}${String(at % 1000).padStart(3, '0')}Z`;
}

/**
 * Register (or update the registration of) `req.email` to an event and some of its sessions.
 * No session ever gets more confirmed seats than its capacity, a full session puts the person
 * on its waiting list, and the same e-mail sent many times at once yields one registration.
 */
export function register(eventSlug: string, req: RegistrationRequest): Promise<RegistrationResult> {
  return new Promise((resolve, reject) => {
    queue.push({ eventSlug, req, at: arrival(), resolve, reject });
    schedule();
  });
}

/** The oldest request whose event has no batch being written, if another batch may start. */
function nextWaiting(): Job | undefined {
  return writing.size < EVENTS_WRITING ? queue.find((job) => !writing.has(job.eventSlug)) : undefined;
}

/** Start batches on the next turn of the event loop, so that requests read together go together. */
function schedule() {
  if (scheduled || !nextWaiting()) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    for (let job = nextWaiting(); job; job = nextWaiting()) {
      const slug = job.eventSlug;
      const batch = takeBatch(slug);
      writing.add(slug);
      void runBatch(batch).finally(() => {
        writing.delete(slug);
        schedule();
      });
    }
  });
}

/** The oldest requests for an event, one per e-mail (a repeat waits for the next batch). */
function takeBatch(slug: string): Job[] {
  const emails = new Set<string>();
  const batch: Job[] = [];
  const rest: Job[] = [];
  for (const job of queue) {
    if (batch.length < BATCH_MAX && job.eventSlug === slug && !emails.has(job.req.email)) {
      emails.add(job.req.email);
      batch.push(job);
    } else rest.push(job);
  }
  queue.splice(0, queue.length, ...rest);
  return batch;
}

type Outcome = { ok: RegistrationResult } | { error: unknown } | 'alone';

async function runBatch(batch: Job[]) {
  let outcomes: Outcome[];
  try {
    outcomes = await writeBatch(batch);
  } catch (err) {
    // The batch wrote nothing: each request is tried on its own (a fault tied to one person then
    // fails that person only), and the event is read again for the next batch.
    eventCopies.delete(batch[0]!.eventSlug);
    logger().warn({ err, size: batch.length }, 'registration batch failed; trying each registration alone');
    outcomes = batch.map(() => 'alone' as const);
  }
  await Promise.all(
    batch.map(async (job, i) => {
      const outcome = outcomes[i]!;
      if (outcome === 'alone') await registerOne(job.eventSlug, job.req, job.at).then(job.resolve, job.reject);
      else if ('ok' in outcome) job.resolve(outcome.ok);
      else job.reject(outcome.error);
    }),
  );
}

/**
 * What a batch is checked against, per event slug: the event's id, its questions (and their md5,
 * which `register_batch` compares with the database's) and its sessions. Kept between batches,
 * so a batch usually takes one round trip; `register_batch` refuses a batch checked against a
 * copy that is out of date, and the copy is then read again.
 */
type EventCopy = {
  eventId: string;
  questionsKey: string;
  questions: Question[];
  sessions: Map<string, { id: string; visibility: string; status: string }>;
};
const eventCopies = new Map<string, EventCopy>();
/** Events kept at most (the oldest read is dropped first). */
const EVENTS_KEPT = 100;

async function readEvent(db: Db, slug: string): Promise<EventCopy | null> {
  type Row = {
    eventId: string;
    questionsKey: string;
    questions: string | Question[];
    sessions: string | { id: string; visibility: string; status: string }[];
  };
  const [row] = await executePrepared<Row>(
    db,
    sql`select e.id as "eventId", md5(event_questions_json(e.id)::text) as "questionsKey", event_questions_json(e.id) as questions,
               (select coalesce(json_agg(json_build_object('id', s.id, 'visibility', s.visibility, 'status', s.status)), '[]'::json)
                  from ${programmeSessions} s where s.event_id = e.id) as sessions
          from ${events} e where e.slug = ${slug}`,
  );
  eventCopies.delete(slug);
  if (!row) return null;
  const copy = {
    eventId: row.eventId,
    questionsKey: row.questionsKey,
    questions: fromJson(row.questions),
    sessions: new Map(fromJson(row.sessions).map((x) => [x.id, x] as const)),
  };
  eventCopies.set(slug, copy);
  if (eventCopies.size > EVENTS_KEPT) eventCopies.delete(eventCopies.keys().next().value!);
  return copy;
}

/** `register_batch` found a session no longer open to the batch (cancelled, by invitation, moved). */
const SESSIONS_CHANGED = 'CH001';

type Written = { id: string; email: string; joinToken: string; seats: { sessionId: string; status: SeatStatus }[] };

/**
 * Write a batch of registrations to one event; one outcome per job. Checked against the kept copy
 * of the event (read first if missing or if it lacks a requested session), and checked again
 * against a fresh copy when `register_batch` finds the copy out of date.
 */
async function writeBatch(jobs: Job[], fresh = false): Promise<Outcome[]> {
  const db = await getDb();
  const slug = jobs[0]!.eventSlug;
  let event = fresh ? undefined : eventCopies.get(slug);
  if (!event || jobs.some((j) => j.req.sessionIds.some((id) => !event!.sessions.has(id)))) {
    const read = await readEvent(db, slug);
    if (!read) return jobs.map(() => ({ error: new DomainError(404, 'event_not_found', 'No such event.') }));
    event = read;
    fresh = true;
  }
  const outcomes: Outcome[] = jobs.map(() => 'alone');

  // Each request is checked on its own: a refusal is that person's answer only. A refusal is only
  // given on the current event: a kept copy may lack a question just added, or a session just
  // reopened, so a batch with a refusal is checked again, once, against a fresh copy.
  const accepted: { i: number; job: Job; ids: string[]; answers: Record<string, string | string[] | boolean> }[] = [];
  jobs.forEach((job, i) => {
    const ids = [...new Set(job.req.sessionIds)].sort();
    const checked = checkRequest(ids, event.sessions, event.questions, job.req.answers);
    if ('error' in checked) outcomes[i] = { error: checked.error };
    else if (!ids.some((id) => event.sessions.get(id)!.visibility === 'invitation')) accepted.push({ i, job, ids, answers: checked.answers });
    // else alone: the invitation code is checked and used under its row lock
  });
  if (!fresh && outcomes.some((o) => o !== 'alone')) return writeBatch(jobs, true);
  if (!accepted.length) return outcomes;

  // One call of `register_batch` (db/migrations/0003_register_batch.sql), prepared once per
  // connection: the new registrations and their confirmation mails, then the seats under each
  // session's row lock, in arrival order. An e-mail already registered is left to `registerOne`.
  const input = accepted.map((a) => ({
    email: a.job.req.email,
    name: a.job.req.name,
    answers: a.answers,
    at: isoMicros(a.job.at),
    token: newToken(),
    sessions: a.ids,
    mail: `${Math.floor(a.job.at / 1000)}:${a.ids.join(',')}`,
  }));
  const sessionIds = `{${[...new Set(accepted.flatMap((a) => a.ids))].sort().join(',')}}`;
  let written: Written[] | null;
  try {
    const [row] = await executePrepared<{ written: string | Written[] | null }>(
      db,
      sql`select register_batch(${event.eventId}::uuid, ${slug}, ${event.questionsKey}, ${JSON.stringify(input)}::jsonb, ${sessionIds}::uuid[]) as written`,
    );
    written = row!.written === null ? null : fromJson(row!.written);
  } catch (err) {
    if (sqlState(err) !== SESSIONS_CHANGED) throw err;
    written = null;
  }
  if (written === null) {
    // The copy was out of date and nothing was written: check the batch again, once, against
    // a fresh copy (after that, each request goes on its own).
    if (fresh) return jobs.map(() => 'alone');
    return writeBatch(jobs, true);
  }
  const byEmail = new Map(written.map((w) => [w.email, w]));

  for (const a of accepted) {
    const reg = byEmail.get(a.job.req.email);
    if (!reg) continue; // registered before: alone
    const status = new Map(reg.seats.map((g) => [g.sessionId, g.status]));
    const newSeats = a.ids.map((sessionId) => ({ sessionId, status: status.get(sessionId)! }));
    outcomes[a.i] = {
      ok: { created: true, registration: { id: reg.id, status: 'active', sessions: newSeats, joinToken: reg.joinToken }, newSeats },
    };
  }
  return outcomes;
}

/**
 * One registration in its own transaction: the path for invitation-only sessions (a code is
 * checked and used under its row lock), and the fallback when a batch cannot be written.
 * The requested sessions' rows are locked in a stable order, so seats are counted and given one
 * request at a time per session.
 */
async function registerOne(eventSlug: string, req: RegistrationRequest, at = arrival()): Promise<RegistrationResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One round trip for the event, the requested sessions (a snapshot of their seats) and the
    // event's questions: fewer statements per registration, and shorter transactions.
    const ids = [...new Set(req.sessionIds)].sort();
    const rows = await tx
      .select({
        eventId: events.id,
        session: {
          id: programmeSessions.id,
          capacity: programmeSessions.capacity,
          confirmedCount: programmeSessions.confirmedCount,
          visibility: programmeSessions.visibility,
          status: programmeSessions.status,
        },
        questions: sql<Question[] | string>`event_questions_json(${events.id})`,
      })
      .from(events)
      .leftJoin(
        programmeSessions,
        and(eq(programmeSessions.eventId, events.id), ids.length ? inArray(programmeSessions.id, ids) : sql`false`),
      )
      .where(eq(events.slug, eventSlug))
      .orderBy(asc(programmeSessions.id));
    const event = rows[0] ? { id: rows[0].eventId } : null;
    if (!event) throw new DomainError(404, 'event_not_found', 'No such event.');
    const sessions = rows.flatMap((r) => (r.session?.id ? [r.session] : []));
    const checked = checkRequest(ids, new Map(sessions.map((x) => [x.id, x])), fromJson(rows[0]!.questions), req.answers);
    if ('error' in checked) throw checked.error;

    const now = new Date(Math.floor(at / 1000));
    const [reg] = await tx
      .insert(registrations)
      .values({ eventId: event.id, name: req.name, email: req.email, answers: checked.answers, consentAt: now })
      .onConflictDoUpdate({
        target: [registrations.eventId, registrations.email],
        set: { name: req.name, answers: checked.answers, status: 'active', consentAt: now, updatedAt: now },
      })
      .returning({ id: registrations.id, joinToken: registrations.joinToken, inserted: sql<boolean>`(xmax = 0)` });
    const registrationId = reg!.id;

    // A new registration holds no seat yet.
    const held = new Map((reg!.inserted ? [] : await activeSeats(tx, registrationId)).map((s) => [s.sessionId, s.status]));
    const wanted = sessions.filter((s) => !held.has(s.id));

    // Invitation-only sessions the person does not hold yet need a valid code.
    const invited = wanted.filter((s) => s.visibility === 'invitation');
    let codeId: string | null = null;
    if (invited.length) {
      if (!req.invitationCode) {
        throw new DomainError(403, 'invitation_required', 'This session is by invitation: an invitation code is needed.', {
          invitationCode: 'required',
        });
      }
      const [code] = await tx
        .select()
        .from(invitationCodes)
        .where(and(eq(invitationCodes.code, req.invitationCode), eq(invitationCodes.eventId, event.id)))
        .for('update');
      const covers = code && invited.every((s) => code.sessionId === null || code.sessionId === s.id);
      if (!code || !covers) {
        throw new DomainError(403, 'invitation_invalid', 'This invitation code is not valid for these sessions.', {
          invitationCode: 'invalid',
        });
      }
      if (code.maxUses !== null && code.uses >= code.maxUses) {
        throw new DomainError(403, 'invitation_used_up', 'This invitation code has already been used.', {
          invitationCode: 'used up',
        });
      }
      await tx.update(invitationCodes).set({ uses: sql`${invitationCodes.uses} + 1` }).where(eq(invitationCodes.id, code.id));
      codeId = code.id;
    }

    // Every repeat mails the person their link again: the public answer to a repeat withholds it
    // (publicRegistration), since anyone can send someone else's address.
    await enqueueMail(tx, {
      kind: 'confirmation',
      dedupeKey: `confirmation:${registrationId}:${now.getTime()}:${wanted.map((x) => x.id).join(',')}`,
      registrationId,
    });

    // Seats last, so that each session's row lock is held as briefly as possible. A full session
    // is locked before the person joins its waiting list, so that a promotion cannot run between.
    const newSeats: { sessionId: string; status: SeatStatus }[] = [];
    for (const s of wanted) {
      // A session already full in the snapshot goes straight to the lock.
      const seemsFull = s.capacity !== null && s.confirmedCount >= s.capacity;
      let status: SeatStatus = !seemsFull && (await takeSeat(tx, s.id)) ? 'confirmed' : 'waitlisted';
      if (status === 'waitlisted') {
        // Under the lock, a seat freed in between (rare) is taken; otherwise stay on the list.
        const locked = await lockSession(tx, s.id);
        if (locked.capacity === null || locked.confirmedCount < locked.capacity) {
          if (await takeSeat(tx, s.id)) status = 'confirmed';
        }
      }
      const values = {
        registrationId,
        sessionId: s.id,
        status,
        requestedAt: sql`${isoMicros(at)}::timestamptz`,
        updatedAt: now,
        invitationCodeId: s.visibility === 'invitation' ? codeId : null,
      };
      await tx
        .insert(registrationSessions)
        .values(values)
        .onConflictDoUpdate({ target: [registrationSessions.registrationId, registrationSessions.sessionId], set: values });
      newSeats.push({ sessionId: s.id, status });
    }

    return {
      created: reg!.inserted,
      registration: {
        id: registrationId,
        status: 'active',
        sessions: [...held].map(([sessionId, status]) => ({ sessionId, status })).concat(newSeats),
        joinToken: reg!.joinToken,
      },
      newSeats,
    };
  });
}

/** Give freed seats of a (locked) session to the waiting list, oldest request first. */
async function promote(tx: Tx, sessionId: string): Promise<string[]> {
  const s = await lockSession(tx, sessionId);
  const free = s.capacity == null ? 1000 : s.capacity - s.confirmedCount;
  if (free <= 0) return [];
  const next = await tx
    .select({ registrationId: registrationSessions.registrationId })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.sessionId, sessionId), eq(registrationSessions.status, 'waitlisted')))
    .orderBy(asc(registrationSessions.requestedAt), asc(registrationSessions.registrationId))
    .limit(Math.min(free, 1000));
  if (!next.length) return [];
  const promoted = next.map((n) => n.registrationId);
  await tx
    .update(registrationSessions)
    .set({ status: 'confirmed', updatedAt: new Date() })
    .where(and(eq(registrationSessions.sessionId, sessionId), inArray(registrationSessions.registrationId, promoted)));
  await tx
    .update(programmeSessions)
    .set({ confirmedCount: sql`${programmeSessions.confirmedCount} + ${promoted.length}` })
    .where(eq(programmeSessions.id, sessionId));
  return promoted;
}

export type CancelResult = {
  cancelled: string[];
  promoted: { sessionId: string; registrationIds: string[] }[];
};

/**
 * Cancel a registration's seat in one session, or the whole registration (every seat), from the
 * personal link. Freed seats go to the waiting list in order, in the same transaction.
 */
export async function cancel(joinToken: string, sessionId?: string): Promise<CancelResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.joinToken, joinToken))
      .for('update');
    if (!reg) throw new DomainError(404, 'registration_not_found', 'No registration for this personal link.');
    const seats = await tx
      .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status })
      .from(registrationSessions)
      .where(
        and(
          eq(registrationSessions.registrationId, reg.id),
          ne(registrationSessions.status, 'cancelled'),
          sessionId ? eq(registrationSessions.sessionId, sessionId) : undefined,
        ),
      )
      .orderBy(asc(registrationSessions.sessionId));
    if (sessionId && !seats.length) throw new DomainError(404, 'seat_not_found', 'You are not registered to this session.');
    // Lock the sessions first (same order as registrations take), then free the seats.
    if (seats.length) {
      await tx
        .select({ id: programmeSessions.id })
        .from(programmeSessions)
        .where(inArray(programmeSessions.id, seats.map((s) => s.sessionId)))
        .orderBy(asc(programmeSessions.id))
        .for('no key update');
      await tx
        .update(registrationSessions)
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where(
          and(
            eq(registrationSessions.registrationId, reg.id),
            inArray(registrationSessions.sessionId, seats.map((s) => s.sessionId)),
          ),
        );
    }
    for (const s of seats.filter((x) => x.status === 'confirmed')) {
      await tx
        .update(programmeSessions)
        .set({ confirmedCount: sql`${programmeSessions.confirmedCount} - 1` })
        .where(eq(programmeSessions.id, s.sessionId));
    }
    if (!sessionId) {
      await tx.update(registrations).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(registrations.id, reg.id));
    }
    const promoted: CancelResult['promoted'] = [];
    for (const s of seats.filter((x) => x.status === 'confirmed')) {
      const ids = await promote(tx, s.sessionId);
      if (ids.length) promoted.push({ sessionId: s.sessionId, registrationIds: ids });
      for (const id of ids) {
        await enqueueMail(tx, { kind: 'promotion', dedupeKey: `promotion:${id}:${s.sessionId}:${Date.now()}`, registrationId: id, sessionId: s.sessionId });
      }
    }
    return { cancelled: seats.map((s) => s.sessionId), promoted };
  });
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

/** Seat counts per session of an event: confirmed and waitlisted. */
export async function seatCounts(eventId: string): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
  const db = await getDb();
  const rows = await db
    .select({
      sessionId: registrationSessions.sessionId,
      confirmed: sql<number>`count(*) filter (where ${registrationSessions.status} = 'confirmed')::int`,
      waitlisted: sql<number>`count(*) filter (where ${registrationSessions.status} = 'waitlisted')::int`,
    })
    .from(registrationSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, registrationSessions.sessionId))
    .where(eq(programmeSessions.eventId, eventId))
    .groupBy(registrationSessions.sessionId);
  return new Map(rows.map((r) => [r.sessionId, { confirmed: r.confirmed, waitlisted: r.waitlisted }]));
}

/** A registration by its personal link, with its event and its seats (for the personal page and calendar). */
export async function registrationByToken(joinToken: string) {
  if (!joinToken || joinToken.length > 200) return null;
  const db = await getDb();
  const [reg] = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      status: registrations.status,
      joinToken: registrations.joinToken,
      eventSlug: events.slug,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.joinToken, joinToken))
    .limit(1);
  if (!reg) return null;
  const seats = await db
    .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.registrationId, reg.id), ne(registrationSessions.status, 'cancelled')));
  return { ...reg, seats: seats as { sessionId: string; status: SeatStatus }[] };
}

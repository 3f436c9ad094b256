import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { RegistrationRequest, SeatStatus } from '@/lib/domain/registration';
import { checkAnswers, type Question } from '@/lib/domain/questions';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../client';
import { eventQuestions, events, invitationCodes, programmeSessions, registrations, registrationSessions } from '../schema';
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

/** The event's registration questions, in order. */
export async function questionsOf(tx: Tx | Awaited<ReturnType<typeof getDb>>, eventId: string): Promise<Question[]> {
  return tx
    .select({ key: eventQuestions.key, label: eventQuestions.label, kind: eventQuestions.kind, options: eventQuestions.options, required: eventQuestions.required })
    .from(eventQuestions)
    .where(eq(eventQuestions.eventId, eventId))
    .orderBy(asc(eventQuestions.position), asc(eventQuestions.key));
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

/**
 * Register (or update the registration of) `req.email` to an event and some of its sessions, in
 * one transaction. The requested sessions' rows are locked in a stable order, so seats are
 * counted and given one request at a time per session: no session ever has more confirmed
 * seats than its capacity, and the same e-mail sent many times at once yields one registration.
 */
export async function register(eventSlug: string, req: RegistrationRequest): Promise<RegistrationResult> {
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
        questions: sql<Question[]>`(select coalesce(json_agg(json_build_object('key', q.key, 'label', q.label, 'kind', q.kind, 'options', q.options, 'required', q.required) order by q.position, q.key), '[]'::json) from ${eventQuestions} q where q.event_id = ${events.id})`,
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
    if (sessions.length !== ids.length) {
      const known = new Set(sessions.map((s) => s.id));
      const unknown = ids.filter((id) => !known.has(id));
      throw new DomainError(404, 'session_not_found', 'Some sessions are not part of this event.', {
        sessionIds: `unknown: ${unknown.join(', ')}`,
      });
    }
    const cancelled = sessions.filter((s) => s.status === 'cancelled');
    if (cancelled.length) {
      throw new DomainError(400, 'session_cancelled', 'Some sessions are cancelled.', {
        sessionIds: `cancelled: ${cancelled.map((s) => s.id).join(', ')}`,
      });
    }

    const questions = typeof rows[0]!.questions === 'string' ? (JSON.parse(rows[0]!.questions) as Question[]) : rows[0]!.questions;
    const checked = checkAnswers(questions, req.answers);
    if (!checked.ok) throw new DomainError(400, 'invalid', 'Some answers are not valid.', checked.fields);

    const now = new Date();
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

    if (reg!.inserted || wanted.length) {
      await enqueueMail(tx, {
        kind: 'confirmation',
        dedupeKey: `confirmation:${registrationId}:${now.getTime()}:${wanted.map((x) => x.id).join(',')}`,
        registrationId,
      });
    }

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
        requestedAt: now,
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

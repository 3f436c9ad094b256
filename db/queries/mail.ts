import { pick } from './columns';
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { REMINDERS } from '@/lib/domain/reminders';
import type { Locale } from '@/lib/i18n';
import { type OutboxInput, type OutboxKind, type OutboxMail, OUTBOX_KINDS, outboxValues, type RegistrationMailKind } from '@/lib/mail/outbox';
import { type Db, getDb, type Tx } from '../client';
import { events, type MailDropReason, mailOutbox, programmeSessions, registrations, registrationSessions } from '../schema';

type Kind = (typeof mailOutbox.$inferInsert)['kind'];
// The registry (lib/mail/outbox.ts) and the `mail_kind` enum name the same kinds.
const _sameKinds: [Record<Kind, unknown>, Record<OutboxKind, unknown>] = [OUTBOX_KINDS, {} as Record<Kind, unknown>];

/**
 * Queue mails of one kind in the caller's transaction, each checked against its kind's schemas
 * (lib/mail/outbox.ts: a wrong shape throws, the transaction is rolled back); the same
 * `dedupeKey` is queued once only. Returns the rows written (not those already queued). The one
 * TypeScript way into the outbox.
 */
export async function enqueue<K extends OutboxKind>(tx: Tx | Db, kind: K, input: OutboxInput<K> | OutboxInput<K>[]) {
  const values = (Array.isArray(input) ? input : [input]).map((m) => outboxValues(kind, m));
  const written: { id: string; dedupeKey: string; subscriptionId: string | null }[] = [];
  // In slices: a statement takes at most 65,535 parameters.
  for (let i = 0; i < values.length; i += 1000) {
    written.push(
      ...(await tx
        .insert(mailOutbox)
        .values(values.slice(i, i + 1000))
        .onConflictDoNothing({ target: mailOutbox.dedupeKey })
        .returning({ id: mailOutbox.id, dedupeKey: mailOutbox.dedupeKey, subscriptionId: mailOutbox.subscriptionId })),
    );
  }
  return written;
}

async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (Array.isArray(res) ? res : ((res as unknown as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * Queue the reminders that are due: a confirmed seat, the session not started yet, the reminder
 * time passed, and the seat confirmed before that time (nobody gets "tomorrow" an hour before).
 * The key carries the session's start, so moving a session gives a new reminder.
 */
export async function queueDueReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  let queued = 0;
  const at = now.toISOString();
  for (const r of REMINDERS) {
    const before = `${r.ms / 1000} seconds`;
    const due = await executeRows<{ registrationId: string; sessionId: string; startsAt: string }>(
      db,
      sql`
      select rs.registration_id as "registrationId", rs.session_id as "sessionId", extract(epoch from s.starts_at)::bigint::text as "startsAt"
        from ${registrationSessions} rs
        join ${programmeSessions} s on s.id = rs.session_id
        join ${registrations} r on r.id = rs.registration_id
       where rs.status = 'confirmed' and r.status = 'active' and s.status <> 'cancelled'
         and s.starts_at > ${at}::timestamptz
         and s.starts_at - ${before}::interval <= ${at}::timestamptz
         and rs.updated_at <= s.starts_at - ${before}::interval
         and not exists (select 1 from ${mailOutbox} m
                          where m.dedupe_key = ${r.kind} || ':' || rs.registration_id || ':' || rs.session_id || ':' || extract(epoch from s.starts_at)::bigint)`,
    );
    const queuedNow = await enqueue(
      db,
      r.kind,
      due.map((d) => ({ dedupeKey: `${r.kind}:${d.registrationId}:${d.sessionId}:${d.startsAt}`, registrationId: d.registrationId, sessionId: d.sessionId })),
    );
    queued += queuedNow.length;
  }
  return queued;
}

/** A registration mail with what its compose function needs: the registrant, the event, the session, their seats. */
export type OutgoingMail = {
  id: string;
  kind: RegistrationMailKind;
  attempts: number;
  registration: { id: string; name: string; email: string; mailToken: string; calendarToken: string; status: string; locale: Locale; afterSessionMails: boolean; unsubscribeToken: string };
  event: { slug: string; title: string; timeZone: string; location: string | null };
  session: { id: string; slug: string; title: string; startsAt: Date; endsAt: Date } | null;
  seats: { sessionId: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }[];
};

export type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * Lease up to `limit` due outbox rows of one family, registration mails or the others (several
 * workers may run: rows are taken with SKIP LOCKED and leased for two minutes, so a mail whose
 * sender crashed is retried after the lease). The rows are as stored: the worker parses them
 * with their kind's schemas (`parseOutboxRow`, lib/mail/outbox.ts).
 */
export async function leaseOutbox(family: 'registration' | 'other', limit = 20, now = new Date()): Promise<OutboxRow[]> {
  const db = await getDb();
  const which = family === 'registration' ? isNotNull(mailOutbox.registrationId) : isNull(mailOutbox.registrationId);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      // Due by the caller's clock, or by the database's: a row queued within the same millisecond as
      // `now` (the database keeps microseconds) is due, not left for the next pass.
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.availableAt, sql`greatest(${now.toISOString()}::timestamptz, now())`), which))
      .orderBy(asc(mailOutbox.availableAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(mailOutbox)
      .set({ availableAt: new Date(now.getTime() + 120_000), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(inArray(mailOutbox.id, due.map((d) => d.id)))
      .returning();
  });
}

/** Read what parsed registration mails are about, in a few queries for the batch; a mail whose registration is gone is left out. */
export async function registrationMails(rows: OutboxMail<RegistrationMailKind>[]): Promise<OutgoingMail[]> {
  if (!rows.length) return [];
  const db = await getDb();
  const regs = await db
    .select({
      ...pick(
        registrations,
        'id', 'name', 'email', 'mailToken', 'calendarToken', 'status', 'locale', 'afterSessionMails', 'unsubscribeToken',
      ),
      eventSlug: events.slug,
      eventTitle: events.title,
      timeZone: events.timeZone,
      location: events.location,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(inArray(registrations.id, [...new Set(rows.map((r) => r.refs.registrationId))]));
  const sessionIds = [...new Set(rows.map((r) => r.refs.sessionId).filter((x): x is string => Boolean(x)))];
  const sessions = sessionIds.length
    ? await db
        .select({ id: programmeSessions.id, slug: programmeSessions.slug, title: programmeSessions.title, startsAt: programmeSessions.startsAt, endsAt: programmeSessions.endsAt })
        .from(programmeSessions)
        .where(inArray(programmeSessions.id, sessionIds))
    : [];
  const seats = regs.length
    ? await db
        .select({ registrationId: registrationSessions.registrationId, sessionId: registrationSessions.sessionId, status: registrationSessions.status })
        .from(registrationSessions)
        .where(and(inArray(registrationSessions.registrationId, regs.map((r) => r.id)), ne(registrationSessions.status, 'cancelled')))
    : [];
  return rows.flatMap((row) => {
    const reg = regs.find((r) => r.id === row.refs.registrationId);
    if (!reg) return [];
    return [
      {
        id: row.id,
        kind: row.kind,
        attempts: row.attempts,
        registration: { id: reg.id, name: reg.name, email: reg.email, mailToken: reg.mailToken, calendarToken: reg.calendarToken, status: reg.status, locale: reg.locale, afterSessionMails: reg.afterSessionMails, unsubscribeToken: reg.unsubscribeToken },
        event: { slug: reg.eventSlug, title: reg.eventTitle, timeZone: reg.timeZone, location: reg.location },
        session: sessions.find((s) => s.id === row.refs.sessionId) ?? null,
        seats: seats.filter((s) => s.registrationId === reg.id),
      },
    ];
  });
}

export async function markMailSent(id: string): Promise<void> {
  const db = await getDb();
  await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, id));
}

/** A mail that no longer applies: not sent, kept with its reason (never counted as sent). */
export async function markMailDropped(id: string, reason: MailDropReason): Promise<void> {
  const db = await getDb();
  await db.update(mailOutbox).set({ status: 'dropped', dropReason: reason, lastError: null }).where(eq(mailOutbox.id, id));
}

/** A row that does not parse with its kind's schemas: never sent nor retried, kept with why. */
export async function markMailInvalid(id: string, error: string): Promise<void> {
  const db = await getDb();
  await db.update(mailOutbox).set({ status: 'failed', lastError: error.slice(0, 500) }).where(eq(mailOutbox.id, id));
}

/** A failed attempt: retried with backoff, given up after 6 attempts. */
export async function markMailFailed(id: string, attempts: number, error: string): Promise<void> {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({
      status: attempts >= 6 ? 'failed' : 'pending',
      lastError: error.slice(0, 500),
      availableAt: new Date(Date.now() + Math.min(3600_000, 15_000 * 2 ** attempts)),
    })
    .where(eq(mailOutbox.id, id));
}

/** Mails sent or queued for a registration (organizer views and tests). */
export async function mailsOf(registrationId: string) {
  const db = await getDb();
  return db.select().from(mailOutbox).where(eq(mailOutbox.registrationId, registrationId)).orderBy(asc(mailOutbox.createdAt));
}

import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { REMINDERS } from '@/lib/domain/reminders';
import type { Locale } from '@/lib/i18n';
import { getDb, type Tx } from '../client';
import { events, type MailDropReason, mailOutbox, programmeSessions, registrations, registrationSessions } from '../schema';

type Kind = (typeof mailOutbox.$inferInsert)['kind'];

/** Queue a mail in the caller's transaction; the same `dedupeKey` is queued once only. */
export async function enqueueMail(tx: Tx, m: { kind: Exclude<Kind, PathMailKind>; dedupeKey: string; registrationId: string; sessionId?: string | null }) {
  await tx
    .insert(mailOutbox)
    .values({ kind: m.kind, dedupeKey: m.dedupeKey, registrationId: m.registrationId, sessionId: m.sessionId ?? null })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey });
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
    const res = await db.execute(sql`
      insert into ${mailOutbox} (kind, dedupe_key, registration_id, session_id)
      select ${r.kind}::mail_kind,
             ${r.kind} || ':' || rs.registration_id || ':' || rs.session_id || ':' || extract(epoch from s.starts_at)::bigint,
             rs.registration_id, rs.session_id
        from ${registrationSessions} rs
        join ${programmeSessions} s on s.id = rs.session_id
        join ${registrations} r on r.id = rs.registration_id
       where rs.status = 'confirmed' and r.status = 'active' and s.status <> 'cancelled'
         and s.starts_at > ${at}::timestamptz
         and s.starts_at - ${before}::interval <= ${at}::timestamptz
         and rs.updated_at <= s.starts_at - ${before}::interval
      on conflict (dedupe_key) do nothing
      returning id`);
    queued += Array.isArray(res) ? res.length : ((res as unknown as { rows?: unknown[] }).rows?.length ?? 0);
  }
  return queued;
}

export type OutgoingMail = {
  id: string;
  kind: Exclude<Kind, PathMailKind>;
  attempts: number;
  registration: { id: string; name: string; email: string; mailToken: string; calendarToken: string; status: string; locale: Locale };
  event: { slug: string; title: string; timeZone: string; location: string | null };
  session: { id: string; slug: string; title: string; startsAt: Date; endsAt: Date } | null;
  seats: { sessionId: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }[];
};

/** Take up to `limit` due outbox rows of one family (`which`) for two minutes (see `leaseMails`). */
async function leaseRows(which: SQL, limit: number, now: Date) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.availableAt, now), which))
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

/**
 * Lease up to `limit` due mails (several workers may run: rows are taken with SKIP LOCKED and
 * leased for two minutes, so a mail whose sender crashed is retried after the lease).
 */
export async function leaseMails(limit = 20, now = new Date()): Promise<OutgoingMail[]> {
  const db = await getDb();
  const rows = await leaseRows(isNotNull(mailOutbox.registrationId), limit, now);
  if (!rows.length) return [];
  const regs = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      mailToken: registrations.mailToken,
      calendarToken: registrations.calendarToken,
      status: registrations.status,
      locale: registrations.locale,
      eventSlug: events.slug,
      eventTitle: events.title,
      timeZone: events.timeZone,
      location: events.location,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(inArray(registrations.id, [...new Set(rows.map((r) => r.registrationId!))]));
  const sessionIds = [...new Set(rows.map((r) => r.sessionId).filter((x): x is string => Boolean(x)))];
  const sessions = sessionIds.length
    ? await db
        .select({ id: programmeSessions.id, slug: programmeSessions.slug, title: programmeSessions.title, startsAt: programmeSessions.startsAt, endsAt: programmeSessions.endsAt })
        .from(programmeSessions)
        .where(inArray(programmeSessions.id, sessionIds))
    : [];
  const seats = await db
    .select({ registrationId: registrationSessions.registrationId, sessionId: registrationSessions.sessionId, status: registrationSessions.status })
    .from(registrationSessions)
    .where(and(inArray(registrationSessions.registrationId, regs.map((r) => r.id)), ne(registrationSessions.status, 'cancelled')));
  return rows.flatMap((row) => {
    const reg = regs.find((r) => r.id === row.registrationId);
    if (!reg) return [];
    return [
      {
        id: row.id,
        kind: row.kind as OutgoingMail['kind'],
        attempts: row.attempts,
        registration: { id: reg.id, name: reg.name, email: reg.email, mailToken: reg.mailToken, calendarToken: reg.calendarToken, status: reg.status, locale: reg.locale },
        event: { slug: reg.eventSlug, title: reg.eventTitle, timeZone: reg.timeZone, location: reg.location },
        session: sessions.find((s) => s.id === row.sessionId) ?? null,
        seats: seats.filter((s) => s.registrationId === reg.id),
      },
    ];
  });
}

type PathMailKind = 'resource_outcome' | 'path_digest' | 'call_mail';

/** A mail without a registration: a resource proposal's outcome, a path digest, a call-for-proposals mail; `payload` fixed when queued. */
export type OutgoingPathMail = {
  id: string;
  kind: PathMailKind;
  attempts: number;
  resourceId: string | null;
  subscriptionId: string | null;
  payload: Record<string, unknown>;
};

/** Lease due path mails, as `leaseMails` does for registration mails. */
export async function leasePathMails(limit = 20, now = new Date()): Promise<OutgoingPathMail[]> {
  const rows = await leaseRows(isNull(mailOutbox.registrationId), limit, now);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as PathMailKind,
    attempts: r.attempts,
    resourceId: r.resourceId,
    subscriptionId: r.subscriptionId,
    payload: r.payload ?? {},
  }));
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

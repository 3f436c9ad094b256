import { firstValue } from '../columns';
import { and, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import { afterSessionWindow } from '@/lib/domain/feedback';
import { getDb, type Tx } from '../../client';
import { attendance, programmeSessions, registrations, registrationSessions, sessionFeedback } from '../../schema';
import { enqueue } from '../mail';

// The mails after a session (docs/privacy.md, "Mails after the sessions"): who attended, who
// missed it, who holds a seat, and the queueing of their mails through the outbox, once each.

/**
 * Whether registration `r` attended session `s` (SQL, for the queries below): checked in at the
 * door before the session ended, holding a confirmed seat in it, when it is not online only; or
 * joined its video room (an attendance row under the registration's or its account's key).
 */
const attended = sql`(
  (${registrations.checkedInAt} is not null and ${registrations.checkedInAt} <= ${programmeSessions.endsAt} and ${programmeSessions.mode} <> 'online'
    and exists (select 1 from ${registrationSessions} rs where rs.registration_id = ${registrations.id} and rs.session_id = ${programmeSessions.id} and rs.status = 'confirmed'))
  or exists (select 1 from ${attendance} a where a.session_id = ${programmeSessions.id}
             and (a.actor_key = 'registration:' || ${registrations.id}::text
                  or (${registrations.userId} is not null and a.actor_key = 'user:' || ${registrations.userId}))))`;

const seated = sql`exists (select 1 from ${registrationSessions} rs where rs.registration_id = ${registrations.id} and rs.session_id = ${programmeSessions.id} and rs.status = 'confirmed')`;

/** The sessions whose after-session mails are due at `now` and not queued yet (ended 15 minutes to 48 hours ago). */
export async function dueAfterSession(now: Date): Promise<string[]> {
  const db = await getDb();
  const w = afterSessionWindow(now);
  const rows = await db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(
      and(
        isNull(programmeSessions.afterSessionMailedAt),
        lte(programmeSessions.endsAt, w.endedBefore),
        gt(programmeSessions.endsAt, w.endedAfter),
        ne(programmeSessions.status, 'cancelled'),
        eq(programmeSessions.draft, false),
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}

/**
 * Queue one session's mails, in one transaction, once: the session is claimed by marking it
 * (`after_session_mailed_at`; a session already marked is left, so a second pass or process
 * queues nothing), then each active registrant of its event who has not opted out gets the
 * feedback request (with its own link) if they attended, "you missed it" if they held a confirmed
 * seat and did not come. Waiting lists get neither. Returns how many of each were queued.
 */
export async function queueAfterSession(sessionId: string, now: Date): Promise<{ feedback: number; missed: number } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(programmeSessions)
      .set({ afterSessionMailedAt: now })
      .where(and(eq(programmeSessions.id, sessionId), isNull(programmeSessions.afterSessionMailedAt)))
      .returning({ id: programmeSessions.id });
    if (!claimed) return null;
    const people = await tx
      .select({ id: registrations.id, attended: sql<boolean>`${attended}`.mapWith(Boolean), seated: sql<boolean>`${seated}`.mapWith(Boolean) })
      .from(registrations)
      .innerJoin(programmeSessions, eq(programmeSessions.eventId, registrations.eventId))
      .where(and(eq(programmeSessions.id, sessionId), eq(registrations.status, 'active'), eq(registrations.afterSessionMails, true), sql`(${attended} or ${seated})`));
    const came = people.filter((p) => p.attended).map((p) => p.id);
    const missed = people.filter((p) => !p.attended && p.seated).map((p) => p.id);
    if (came.length) {
      await tx
        .insert(sessionFeedback)
        .values(came.map((registrationId) => ({ sessionId, registrationId })))
        .onConflictDoNothing();
    }
    const feedback = await enqueue(tx, 'feedback_request', came.map((registrationId) => ({ dedupeKey: `feedback_request:${sessionId}:${registrationId}`, registrationId, sessionId })));
    const noShows = await enqueue(tx, 'session_missed', missed.map((registrationId) => ({ dedupeKey: `session_missed:${sessionId}:${registrationId}`, registrationId, sessionId })));
    return { feedback: feedback.length, missed: noShows.length };
  });
}

/**
 * "The replay is ready", queued in the transaction that publishes a replay (a link or an upload
 * added, a recording ended): to each active registrant with a confirmed seat in the session who
 * has not opted out, once per replay.
 */
export async function queueReplayReady(tx: Tx, replay: { id: string; sessionId: string }): Promise<number> {
  const people = await tx
    .select({ id: registrations.id })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(
      and(
        eq(registrationSessions.sessionId, replay.sessionId),
        eq(registrationSessions.status, 'confirmed'),
        eq(registrations.status, 'active'),
        eq(registrations.afterSessionMails, true),
      ),
    );
  const written = await enqueue(
    tx,
    'replay_ready',
    people.map((p) => ({ dedupeKey: `replay_ready:${replay.id}:${p.id}`, registrationId: p.id, sessionId: replay.sessionId })),
  );
  return written.length;
}

/** The feedback link's token of a registrant for a session (the mail's link), or null. */
export async function feedbackTokenOf(registrationId: string, sessionId: string): Promise<string | null> {
  return firstValue(sessionFeedback.token, and(eq(sessionFeedback.registrationId, registrationId), eq(sessionFeedback.sessionId, sessionId)));
}


import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { OpenDataLicenceId } from '@/lib/domain/open-data';
import { DomainError } from '@/lib/errors';
import { getDb, type Db, type Tx } from '../../client';
import { organizedEvent } from '../organizer';
import { events, moderationLog, polls, programmeSessions, questions, replayViews, retentionPurges, sessionAttendanceFigures, sessionReportSnapshots } from '../../schema';
import { type SessionFigures, sessionFigures } from './attendance';
import { type RegistrationFigures, registrationFigures } from './registrations';

export type { SessionFigures } from './attendance';
export type { RegistrationFigures } from './registrations';

/** The report's event: by slug or id; null when there is none. */
export async function reportEvent(by: { slug: string } | { id: string }) {
  const db = await getDb();
  const [event] = await db
    .select({ id: events.id, slug: events.slug, title: events.title, timeZone: events.timeZone, startsAt: events.startsAt, endsAt: events.endsAt, openDataLicence: events.openDataLicence })
    .from(events)
    .where('slug' in by ? eq(events.slug, by.slug) : eq(events.id, by.id))
    .limit(1);
  return event ?? null;
}

/** The session's event (for the policy), or null. */
export async function reportSession(sessionId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: programmeSessions.id, eventId: programmeSessions.eventId, draft: programmeSessions.draft })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .limit(1);
  return row ?? null;
}

/**
 * The figures of the event's published sessions (drafts are in no report), or of one session:
 * computed from the raw records, except for sessions whose raw records the retention job purged,
 * which answer the figures kept then (replay views, never purged, stay current).
 */
export async function sessionsFigures(which: { eventId: string } | { sessionId: string }, now = new Date(), q?: Db | Tx): Promise<SessionFigures[]> {
  const db = q ?? (await getDb());
  const condition = 'eventId' in which ? sql`ps.event_id = ${which.eventId} and not ps.draft` : sql`ps.id = ${which.sessionId}`;
  const live = await sessionFigures(db, condition, now);
  if (live.length === 0) return live;
  const kept = await db
    .select({ sessionId: sessionReportSnapshots.sessionId, report: sessionReportSnapshots.report })
    .from(sessionReportSnapshots)
    .where(inArray(sessionReportSnapshots.sessionId, live.map((s) => s.id)));
  if (kept.length === 0) return live;
  const byId = new Map(kept.map((k) => [k.sessionId, k.report as unknown as SessionFigures]));
  return live.map((s) => {
    const snapshot = byId.get(s.id);
    return snapshot ? { ...snapshot, id: s.id, slug: s.slug, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, replayViews: s.replayViews } : s;
  });
}

/** How long after a session's end its attendance figures are settled (late webhooks have arrived by then). */
export const SETTLE_AFTER_MS = 15 * 60_000;

/**
 * Settles the attendance figures (viewers, peak, average, median, curve) of at most `limit`
 * sessions that ended `SETTLE_AFTER_MS` before `now` and have none for their current span: the
 * same computation as the report's, kept so that the report no longer reads their join/leave rows
 * (they cannot change after the end). The after-session job calls it; returns how many it settled.
 */
export async function settleAttendanceFigures(now = new Date(), limit = 10): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .leftJoin(
      sessionAttendanceFigures,
      and(
        eq(sessionAttendanceFigures.sessionId, programmeSessions.id),
        eq(sessionAttendanceFigures.startsAt, programmeSessions.startsAt),
        eq(sessionAttendanceFigures.endsAt, programmeSessions.endsAt),
      ),
    )
    .where(and(lt(programmeSessions.endsAt, new Date(now.getTime() - SETTLE_AFTER_MS)), isNull(sessionAttendanceFigures.sessionId)))
    .orderBy(desc(programmeSessions.endsAt))
    .limit(limit);
  if (due.length === 0) return 0;
  const figures = await sessionFigures(db, sql`ps.id in (${sql.join(due.map((d) => sql`${d.id}::uuid`), sql`, `)})`, now);
  for (const f of figures) {
    const row = {
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      onlineViewers: f.onlineViewers,
      peakOnline: f.peakOnline,
      averageOnline: f.averageOnline,
      medianMinutesWatched: f.medianMinutesWatched,
      attendance: f.attendance,
      computedAt: now,
    };
    await db.insert(sessionAttendanceFigures).values({ sessionId: f.id, ...row }).onConflictDoUpdate({ target: sessionAttendanceFigures.sessionId, set: row });
  }
  return figures.length;
}

/** The event's registration figures; on site, online and present as kept at the retention purge once it ran. */
export async function eventRegistrationFigures(eventId: string, timeZone: string, q?: Db | Tx): Promise<RegistrationFigures> {
  const db = q ?? (await getDb());
  const live = await registrationFigures(db, eventId, timeZone);
  const [purged] = await db.select({ registrations: retentionPurges.registrations }).from(retentionPurges).where(eq(retentionPurges.eventId, eventId)).limit(1);
  const kept = purged?.registrations as Pick<RegistrationFigures, 'onsite' | 'online' | 'present'> | null | undefined;
  return kept ? { ...live, onsite: kept.onsite, online: kept.online, present: kept.present } : live;
}

/**
 * Before the retention job purges an event's raw records (in its transaction): keep each
 * session's figures and the event's registration figures, so that the report stays as it was.
 * Returns the registration figures to store with the purge record.
 */
export async function snapshotEventReport(tx: Tx, eventId: string, timeZone: string, now: Date): Promise<Pick<RegistrationFigures, 'onsite' | 'online' | 'present'>> {
  const sessions = await sessionsFigures({ eventId }, now, tx);
  for (const s of sessions) {
    const report = { ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
    await tx
      .insert(sessionReportSnapshots)
      .values({ sessionId: s.id, report, computedAt: now })
      .onConflictDoNothing();
  }
  const { onsite, online, present } = await eventRegistrationFigures(eventId, timeZone, tx);
  return { onsite, online, present };
}

/** What happened during a session, for its curve: questions put on air, polls launched. */
export async function sessionMarkers(sessionId: string): Promise<{ at: Date; kind: 'question' | 'poll'; label: string }[]> {
  const db = await getDb();
  const [onAir, launched] = await Promise.all([
    db
      .select({ at: moderationLog.createdAt, label: questions.body })
      .from(moderationLog)
      .innerJoin(questions, sql`${questions.id}::text = ${moderationLog.details}->>'questionId'`)
      .where(and(eq(moderationLog.sessionId, sessionId), eq(moderationLog.action, 'question:on-air'), isNull(questions.withdrawnAt))),
    db
      .select({ at: polls.launchedAt, label: polls.question })
      .from(polls)
      .where(and(eq(polls.sessionId, sessionId), sql`${polls.launchedAt} is not null`)),
  ]);
  return [
    ...onAir.map((m) => ({ at: m.at, kind: 'question' as const, label: m.label })),
    ...launched.map((p) => ({ at: p.at!, kind: 'poll' as const, label: p.label })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The session's most voted questions (text and votes only: no author), withdrawn and dismissed ones left out. */
export async function topQuestions(sessionId: string, limit = 10) {
  const db = await getDb();
  return db
    .select({ body: questions.body, votes: questions.votes, status: questions.status })
    .from(questions)
    .where(and(eq(questions.sessionId, sessionId), isNull(questions.withdrawnAt), sql`${questions.status} <> 'dismissed'`))
    .orderBy(desc(questions.votes), questions.createdAt)
    .limit(limit);
}

/** Counts one view of a replay today (no person, no address: a counter per day). */
export async function countReplayView(replayId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db
    .insert(replayViews)
    .values({ replayId, day: now.toISOString().slice(0, 10), views: 1 })
    .onConflictDoUpdate({ target: [replayViews.replayId, replayViews.day], set: { views: sql`${replayViews.views} + 1` } });
}

/** The licence of the event's open data, chosen by an organizer of the event (`event.manage`). */
export async function setOpenDataLicence(actorId: string, eventSlug: string, licence: OpenDataLicenceId): Promise<void> {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can do this.');
  const db = await getDb();
  await db.update(events).set({ openDataLicence: licence }).where(eq(events.id, event.id));
}

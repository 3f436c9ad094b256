import { pick } from '../columns';
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { feedbackLinkOpen, type FeedbackRequest, type FeedbackSummary, summarizeRatings } from '@/lib/domain/feedback';
import { DomainError } from '@/lib/errors';
import { getDb } from '../../client';
import { events, programmeSessions, registrations, sessionFeedback } from '../../schema';

// Feedback answers: the link's request (by its token, no sign-in), the answer (once), and the
// results of a session for its report (without names).

export type FeedbackLink = {
  state: 'open' | 'answered' | 'expired';
  session: { title: string; startsAt: Date; endsAt: Date };
  event: { title: string; timeZone: string };
  locale: 'fr' | 'en';
};

const NOT_FOUND = () => new DomainError(404, 'not_found', 'No such feedback link.');

/** What a feedback link is about, and whether it still takes an answer; null for an unknown token (or a registration gone). */
export async function feedbackLink(token: string, now = new Date()): Promise<FeedbackLink | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      answeredAt: sessionFeedback.answeredAt,
      ...pick(programmeSessions, 'title', 'startsAt', 'endsAt'),
      eventTitle: events.title,
      timeZone: events.timeZone,
      locale: registrations.locale,
    })
    .from(sessionFeedback)
    .innerJoin(registrations, eq(registrations.id, sessionFeedback.registrationId))
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionFeedback.sessionId))
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(sessionFeedback.token, token));
  if (!row) return null;
  return {
    state: row.answeredAt ? 'answered' : feedbackLinkOpen(row.endsAt, now) ? 'open' : 'expired',
    session: { title: row.title, startsAt: row.startsAt, endsAt: row.endsAt },
    event: { title: row.eventTitle, timeZone: row.timeZone },
    locale: row.locale,
  };
}

/**
 * Record the answer of a feedback link, once: 404 `not_found` for an unknown token, 410 `expired`
 * past the link's time, 409 `already_answered` for a second answer (the row is locked, so two
 * answers at once record one).
 */
export async function answerFeedback(token: string, input: FeedbackRequest, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: sessionFeedback.id, answeredAt: sessionFeedback.answeredAt, endsAt: programmeSessions.endsAt })
      .from(sessionFeedback)
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionFeedback.sessionId))
      .where(and(eq(sessionFeedback.token, token), isNotNull(sessionFeedback.registrationId)))
      .for('update', { of: sessionFeedback });
    if (!row) throw NOT_FOUND();
    if (row.answeredAt) throw new DomainError(409, 'already_answered', 'This feedback link was already answered.');
    if (!feedbackLinkOpen(row.endsAt, now)) throw new DomainError(410, 'expired', 'This feedback link has expired.');
    await tx
      .update(sessionFeedback)
      .set({ rating: input.rating, answer: input.answer ?? null, answeredAt: now })
      .where(eq(sessionFeedback.id, row.id));
  });
}

export type FeedbackResults = FeedbackSummary & { answers: string[] };

/** A session's feedback for its report: how many answered, the mean rating, how many gave each rating, the open answers (oldest first, without names). */
export async function feedbackOf(sessionId: string): Promise<FeedbackResults> {
  const db = await getDb();
  const rows = await db
    .select({ rating: sessionFeedback.rating, answer: sessionFeedback.answer })
    .from(sessionFeedback)
    .where(and(eq(sessionFeedback.sessionId, sessionId), isNotNull(sessionFeedback.answeredAt)))
    .orderBy(asc(sessionFeedback.answeredAt), asc(sessionFeedback.id));
  return {
    ...summarizeRatings(rows.map((r) => r.rating!)),
    answers: rows.flatMap((r) => (r.answer ? [r.answer] : [])),
  };
}

/** The feedback summary of each session of an event that has answers (the event report), by session id. */
export async function feedbackOfEvent(eventId: string): Promise<Map<string, FeedbackSummary>> {
  const db = await getDb();
  const rows = await db
    .select({ sessionId: sessionFeedback.sessionId, rating: sessionFeedback.rating, n: count() })
    .from(sessionFeedback)
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionFeedback.sessionId))
    .where(and(eq(programmeSessions.eventId, eventId), isNotNull(sessionFeedback.answeredAt)))
    .groupBy(sessionFeedback.sessionId, sessionFeedback.rating);
  const ratings = new Map<string, number[]>();
  for (const r of rows) ratings.set(r.sessionId, [...(ratings.get(r.sessionId) ?? []), ...Array<number>(r.n).fill(r.rating!)]);
  return new Map([...ratings].map(([id, list]) => [id, summarizeRatings(list)]));
}

import { pollsExport } from '@/db/queries/polls';
import { userMay } from '@/db/queries/grants';
import { eventRegistrationFigures, reportEvent, reportSession, type SessionFigures, sessionMarkers, sessionsFigures, topQuestions } from '@/db/queries/report';
import { pollRows } from '@/lib/exports/qa';
import type { FullEventReport, FullSessionReport, SessionEntry } from '@/lib/domain/report';
import { DomainError } from '@/lib/errors';
import { feedbackOf, feedbackOfEvent } from '@/db/queries/feedback/answers';

function entry(s: SessionFigures): SessionEntry {
  return { ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
}

/**
 * The organizer's report of an event (issue 30), aggregates only: the caller has checked the
 * reader may see it (`event.manage`). 404 `event_not_found` when there is no such event.
 */
export async function eventReport(eventId: string, now = new Date()): Promise<FullEventReport> {
  const event = await reportEvent({ id: eventId });
  if (!event) throw new DomainError(404, 'event_not_found', 'No such event.');
  const [reg, sessions, feedback] = await Promise.all([eventRegistrationFigures(event.id, event.timeZone), sessionsFigures({ eventId: event.id }, now), feedbackOfEvent(event.id)]);
  const noShowRate = reg.total === 0 ? 0 : Math.round(((reg.total - reg.present) / reg.total) * 10000) / 10000;
  return {
    event: { id: event.id, slug: event.slug, title: event.title, timeZone: event.timeZone },
    registrations: { total: reg.total, byDay: reg.byDay, onsite: reg.onsite, online: reg.online, noShowRate, present: reg.present, byCode: reg.byCode, bySource: reg.bySource, byDayAndSource: reg.byDayAndSource },
    sessions: sessions.map((s) => ({ ...entry(s), feedback: feedback.get(s.id) })),
  };
}

/** One session's report (its entry of the event report, and its details). 404 `not_found` when there is no such session. */
export async function sessionReport(sessionId: string, now = new Date()): Promise<FullSessionReport> {
  const [figures] = await sessionsFigures({ sessionId }, now);
  if (!figures) throw new DomainError(404, 'not_found', 'No such session.');
  const [markers, top, polls, { answers, ...feedback }] = await Promise.all([sessionMarkers(sessionId), topQuestions(sessionId), pollsExport(sessionId), feedbackOf(sessionId)]);
  return {
    ...entry(figures),
    feedback,
    feedbackAnswers: answers,
    markers: markers.map((m) => ({ ...m, at: m.at.toISOString() })),
    topQuestions: top,
    // Results only: who answered what (polls that are not anonymous) stays out of a report.
    polls: polls.map((p) => ({
      question: p.question,
      kind: p.kind,
      launchedAt: p.launchedAt ? new Date(p.launchedAt).toISOString() : null,
      total: p.results.total,
      results: pollRows(p).map(([answer, count]) => ({ answer, count })),
    })),
  };
}

/**
 * May this account read the event's report (its organizers and admins: `event.manage`)? True when
 * there is no such event: the route answers its 404 then (events are public, their existence is no secret).
 */
export async function mayReadEventReport(userId: string, eventSlug: string): Promise<boolean> {
  const event = await reportEvent({ slug: eventSlug });
  return !event || userMay(userId, 'event.manage', { eventId: event.id });
}

/** The event's id by slug, or 404 `event_not_found`. */
export async function reportEventId(eventSlug: string): Promise<string> {
  const event = await reportEvent({ slug: eventSlug });
  if (!event) throw new DomainError(404, 'event_not_found', 'No such event.');
  return event.id;
}

/**
 * May this account read the session's report: the organizers of its event and admins, and the
 * session's moderators, who see their own session's aggregates (`session.moderate`). True when
 * there is no such session (the route's 404).
 */
export async function mayReadSessionReport(userId: string, sessionId: string): Promise<boolean> {
  const session = await reportSession(sessionId);
  return !session || userMay(userId, 'session.moderate', { sessionId, eventId: session.eventId });
}

import { z } from 'zod';
import { feedbackSummarySchema } from './feedback';

/**
 * The organizer's report (issue 30): its public shape, shared by the JSON API
 * (`GET /api/events/{event}/report`, `GET /api/sessions/{sessionId}/report`), the report pages,
 * the CSV exports and the open-data package. Aggregates only: nothing here names a person.
 *
 * Each figure's definition: docs/report.md.
 *
 * Public contract: the keys below are relied on by outside clients. Add fields beside them; never
 * rename or remove one.
 */

const isoDateTime = z.string();

/** One point of a session's attendance curve: viewers connected online at that instant. */
export const attendancePointSchema = z.object({ at: isoDateTime, online: z.number().int().nonnegative() });
export type AttendancePoint = z.infer<typeof attendancePointSchema>;

export const sessionReportSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  /** Confirmed seats of people on the attendee list. */
  registered: z.number().int().nonnegative(),
  /** Of those, people checked in at the event at or before the session's end (check-in is per event). */
  checkedIn: z.number().int().nonnegative(),
  /** The most people connected at once within the scheduled span (a person's overlapping connections count once). */
  peakOnline: z.number().int().nonnegative(),
  /** Time-weighted mean of concurrent viewers over the scheduled span: people's time online ÷ the span (2 decimals). */
  averageOnline: z.number().nonnegative(),
  /** Median over the people who watched of their minutes online within the span (2 decimals; 0 when nobody). */
  medianMinutesWatched: z.number().nonnegative(),
  /** People connected at each instant from the start: every minute, or every N minutes for at most 200 points. */
  attendance: z.array(attendancePointSchema),
  /** Questions asked (not withdrawn), votes on them, chat messages (not deleted), poll answers, replay views (a daily counter). */
  questions: z.number().int().nonnegative(),
  votes: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  pollAnswers: z.number().int().nonnegative(),
  replayViews: z.number().int().nonnegative(),
  /** The answers to the feedback request mailed after the session (lib/domain/feedback.ts); optional, added beside the contract. */
  feedback: feedbackSummarySchema.optional(),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;

export const eventReportSchema = z.object({
  registrations: z.object({
    /** The number of people in the attendee CSV. */
    total: z.number().int().nonnegative(),
    byDay: z.array(z.object({ day: z.string(), count: z.number().int().nonnegative() })),
    /** Registered people checked in on site. */
    onsite: z.number().int().nonnegative(),
    /** Registered people who joined a session's video room at least once (someone can be both). */
    online: z.number().int().nonnegative(),
    /** Share of registered people (0..1) who neither checked in nor joined online. */
    noShowRate: z.number().min(0).max(1),
  }),
  sessions: z.array(sessionReportSchema),
});
export type EventReport = z.infer<typeof eventReportSchema>;

// ---------------------------------------------------------------- beside the contract (docs/report.md)

/** A session's entry as the API answers it: the contract's fields, its scheduled span, and how many people watched online. */
export const sessionEntrySchema = sessionReportSchema.extend({
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** People (not connections) with some time online within the scheduled span. */
  onlineViewers: z.number().int().nonnegative(),
});
export type SessionEntry = z.infer<typeof sessionEntrySchema>;

/** `GET /api/events/{event}/report`: the contract, plus the event, who came at all, and the invitation codes and sources that drove registrations. */
export const fullEventReportSchema = eventReportSchema.extend({
  event: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), timeZone: z.string() }),
  registrations: eventReportSchema.shape.registrations.extend({
    /** Registered people who checked in on site, joined online, or both. */
    present: z.number().int().nonnegative(),
    /** Registrations that used each invitation code (a person counts once per code). */
    byCode: z.array(z.object({ code: z.string(), count: z.number().int().nonnegative() })),
    /**
     * What drove registrations (lib/domain/registration-source.ts): `mail:<kind>`, an organizer's
     * shared-link slug, or `direct`; each registration counts once, so the counts add up to `total`.
     */
    bySource: z.array(z.object({ source: z.string(), count: z.number().int().nonnegative() })),
    /** The same per day of registration (the event's time zone). */
    byDayAndSource: z.array(z.object({ day: z.string(), source: z.string(), count: z.number().int().nonnegative() })),
  }),
  sessions: z.array(sessionEntrySchema),
});
export type FullEventReport = z.infer<typeof fullEventReportSchema>;

/** `GET /api/sessions/{sessionId}/report`: the session's entry, the moments marked on its curve, its top questions and its polls' results. */
export const fullSessionReportSchema = sessionEntrySchema.extend({
  /** The open answers to the feedback request, oldest first, without names. */
  feedbackAnswers: z.array(z.string()).optional(),
  markers: z.array(z.object({ at: isoDateTime, kind: z.enum(['question', 'poll']), label: z.string() })),
  topQuestions: z.array(z.object({ body: z.string(), votes: z.number().int().nonnegative(), status: z.string() })),
  polls: z.array(
    z.object({
      question: z.string(),
      kind: z.string(),
      launchedAt: isoDateTime.nullable(),
      total: z.number().int().nonnegative(),
      results: z.array(z.object({ answer: z.string(), count: z.number().int().nonnegative() })),
    }),
  ),
});
export type FullSessionReport = z.infer<typeof fullSessionReportSchema>;

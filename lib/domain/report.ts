import { z } from 'zod';
import { feedbackSummarySchema } from './feedback';

/**
 * The organizer's report (issue 30): its public shape, shared by the JSON API
 * (`GET /api/events/{event}/report`, `GET /api/sessions/{sessionId}/report`), the report pages,
 * the CSV exports and the open-data package. Aggregates only: nothing here names a person.
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
  registered: z.number().int().nonnegative(),
  checkedIn: z.number().int().nonnegative(),
  peakOnline: z.number().int().nonnegative(),
  averageOnline: z.number().nonnegative(),
  medianMinutesWatched: z.number().nonnegative(),
  attendance: z.array(attendancePointSchema),
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
    onsite: z.number().int().nonnegative(),
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

/** `GET /api/events/{event}/report`: the contract, plus the event, who came at all and the invitation codes that drove registrations. */
export const fullEventReportSchema = eventReportSchema.extend({
  event: z.object({ id: z.uuid(), slug: z.string(), title: z.string(), timeZone: z.string() }),
  registrations: eventReportSchema.shape.registrations.extend({
    /** Registered people who checked in on site, joined online, or both. */
    present: z.number().int().nonnegative(),
    /** Registrations that used each invitation code (a person counts once per code). */
    byCode: z.array(z.object({ code: z.string(), count: z.number().int().nonnegative() })),
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

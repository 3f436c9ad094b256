import { z } from 'zod';

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

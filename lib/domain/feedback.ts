import { z } from 'zod';
import { AFTER_SESSION_MAIL_KINDS, type AfterSessionMailKind } from '@/lib/mail/outbox';

// After a session (issue 30): who is asked for feedback and who is told they missed it, when, and
// what an answer is. The queries are in db/queries/feedback, the use cases in server/feedback.

/** The feedback request and "you missed it" are queued this long after a session ends. */
export const AFTER_SESSION_DELAY_MINUTES = 15;
/** Sessions that ended longer ago than this are never mailed (a first start on old data mails nobody). */
export const AFTER_SESSION_LOOKBACK_HOURS = 48;
/** A feedback link answers this many days after the session's end; later it is expired (410). */
export const FEEDBACK_LINK_DAYS = 30;
export const FEEDBACK_ANSWER_MAX = 2000;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export const isAfterSessionMail = (kind: string): kind is AfterSessionMailKind => (AFTER_SESSION_MAIL_KINDS as readonly string[]).includes(kind);

/** The window of sessions whose after-session mails are due at `now`: ended at least the delay ago, at most the lookback. */
export function afterSessionWindow(now: Date): { endedBefore: Date; endedAfter: Date } {
  return {
    endedBefore: new Date(now.getTime() - AFTER_SESSION_DELAY_MINUTES * 60_000),
    endedAfter: new Date(now.getTime() - AFTER_SESSION_LOOKBACK_HOURS * 3600_000),
  };
}

/** Whether a feedback link of a session that ended at `endsAt` still answers at `now`. */
export const feedbackLinkOpen = (endsAt: Date, now: Date) => now.getTime() <= endsAt.getTime() + FEEDBACK_LINK_DAYS * 86_400_000;

/** The link's token: what `new_token()` makes (db/functions/10_tokens.sql), anything else is not looked up. */
export const feedbackToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** One answer: a rating 1–5 and, optionally, an open answer (`POST /api/feedback/{token}`, the page's form). */
export const feedbackRequest = z.strictObject({
  rating: z.number().int().min(1).max(5),
  answer: z
    .string()
    .trim()
    .max(FEEDBACK_ANSWER_MAX)
    .optional()
    .transform((a) => a || undefined),
});
export type FeedbackRequest = z.output<typeof feedbackRequest>;

/** The page's form: the same answer, its rating as the radio button's text. */
export const feedbackForm = z.object({ rating: z.coerce.number().int().min(1).max(5), answer: feedbackRequest.shape.answer });

/** The feedback of a session as the report shows it (`feedback` of a session report, lib/domain/report.ts). */
export const feedbackSummarySchema = z.object({
  responses: z.number().int().nonnegative(),
  /** The mean rating, to one decimal; null without answers. */
  averageRating: z.number().min(1).max(5).nullable(),
  /** How many answered 1, 2, 3, 4, 5. */
  distribution: z.array(z.number().int().nonnegative()).length(5),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

/** The summary of ratings (each 1–5). */
export function summarizeRatings(ratings: readonly number[]): FeedbackSummary {
  const distribution = RATINGS.map((r) => ratings.filter((x) => x === r).length);
  const responses = distribution.reduce((a, b) => a + b, 0);
  const sum = RATINGS.reduce((a, r, i) => a + r * distribution[i]!, 0);
  return { responses, averageRating: responses ? Math.round((sum / responses) * 10) / 10 : null, distribution };
}

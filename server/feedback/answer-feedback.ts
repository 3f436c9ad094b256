import { answerFeedback as record, feedbackLink, type FeedbackLink } from '@/db/queries/feedback/answers';
import { feedbackToken, type FeedbackRequest } from '@/lib/domain/feedback';
import { DomainError } from '@/lib/errors';

// A feedback link's answer, by its token alone (no sign-in): the page's form and the JSON API.

/** What a feedback link is about (the page), or null for a token that is no link. */
export async function getFeedbackLink(token: string, now = new Date()): Promise<FeedbackLink | null> {
  return feedbackToken.safeParse(token).success ? feedbackLink(token, now) : null;
}

/** Record the answer once: 404 `not_found`, 410 `expired`, 409 `already_answered` otherwise. */
export async function answerFeedback(token: string, input: FeedbackRequest, now = new Date()): Promise<void> {
  if (!feedbackToken.safeParse(token).success) throw new DomainError(404, 'not_found', 'No such feedback link.');
  await record(token, input, now);
}

import { z } from 'zod';
import { feedbackAnsweredResponse } from '@/lib/api/responses';
import { feedbackRequest } from '@/lib/domain/feedback';
import { answerFeedback } from '@/server/feedback/answer-feedback';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/**
 * The answer of a feedback link (the mail after a session): the token is the link's, no sign-in.
 * Once: a second answer is `409 already_answered`.
 */
export const POST = endpoint(
  {
    params: z.object({ token: z.string().min(1).max(100) }),
    notFound: 'No such feedback link.',
    body: { schema: feedbackRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 16 * 1024 },
  },
  async ({ params, body }) => {
    await answerFeedback(params.token, body);
    return respond(feedbackAnsweredResponse, { answered: true }, { status: 201 });
  },
);

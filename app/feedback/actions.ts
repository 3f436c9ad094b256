'use server';

import { headers } from 'next/headers';
import { feedbackForm } from '@/lib/domain/feedback';
import { formAction } from '@/server/actions/form-action';
import { answerFeedback } from '@/server/feedback/answer-feedback';
import { clientAddressOf } from '@/server/http/rate-limit';

/**
 * The feedback page's form (`/feedback/{token}`): the token is the credential, no sign-in. Once
 * recorded, back to the page, which thanks; a second answer is refused (`already_answered`).
 */
export const answerFeedbackAction = formAction(
  {
    who: 'anyone',
    schema: feedbackForm,
    // Per address, as the JSON API (`POST /api/feedback/{token}`); the token is the bound argument.
    limit: async (_who, _token: string) => ['writes', clientAddressOf(await headers())],
  },
  async ({ input }, token: string) => {
    await answerFeedback(token, input);
    return `/feedback/${encodeURIComponent(token)}?done=1`;
  },
);

'use server';

import { getDb } from '@/db/client';
import { mergePeople } from '@/db/queries/people';
import { userMay } from '@/db/queries/grants';
import { mergeRequest } from '@/lib/domain/people';
import { redirectAction } from '@/server/actions/form-action';

const forbidden = () => '/admin?mergeError=forbidden';

/** Admins merge two records of one person (docs/people.md); the answer comes back on /admin, with or without JavaScript. */
export const mergePeopleAction = redirectAction(
  {
    schema: mergeRequest,
    unauthenticated: forbidden,
    may: (user) => userMay(user.id, 'people.merge', {}),
    forbidden,
    prepare: (_values, form) => ({ from: String(form.get('from') ?? ''), into: String(form.get('into') ?? '') }),
    invalid: () => '/admin?mergeError=invalid#merge',
    refused: (err) => `/admin?mergeError=${encodeURIComponent(err.code)}#merge`,
  },
  async ({ input }) => `/admin?merged=${encodeURIComponent((await mergePeople(await getDb(), input)).key)}#merge`,
);

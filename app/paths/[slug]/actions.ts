'use server';

import { getLocale } from 'next-intl/server';
import { subscribeToPath } from '@/server/paths/subscribe-to-path';
import { redirectAction } from '@/server/actions/form-action';

/**
 * Follow a path by e-mail: the signed-in person's (or proven registrant's) own address, opt-in. An
 * unproven registrant's address is not known to be theirs (docs/security.md): they sign in first.
 */
export const subscribeAction = redirectAction({ who: 'proven', signIn: (slug: string) => `/paths/${slug}` }, async ({ who }, slug) => {
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  await subscribeToPath(slug, {
    email: who.email,
    userId: who.userId,
    registrationId: who.kind === 'registration' ? who.registrationId : null,
    locale,
  });
  return `/paths/${slug}?subscribed=1#follow-title`;
});

'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { subscribeToPath } from '@/db/queries/paths';
import { provenParticipant } from '@/server/auth/current';

/**
 * Follow a path by e-mail: the signed-in person's (or proven registrant's) own address, opt-in. An
 * unproven registrant's address is not known to be theirs (docs/security.md): they sign in first.
 */
export async function subscribeAction(slug: string): Promise<void> {
  const who = await provenParticipant();
  if (!who) redirect(`/signin?callbackUrl=/paths/${slug}`);
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  await subscribeToPath(slug, {
    email: who.email,
    userId: who.userId,
    registrationId: who.kind === 'registration' ? who.registrationId : null,
    locale,
  });
  redirect(`/paths/${slug}?subscribed=1#follow-title`);
}

'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { subscribeToPath } from '@/db/queries/paths';
import { currentParticipant } from '@/server/auth/current';

/** Follow a path by e-mail: the signed-in person's (or registrant's) own address, opt-in. */
export async function subscribeAction(slug: string): Promise<void> {
  const who = await currentParticipant();
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

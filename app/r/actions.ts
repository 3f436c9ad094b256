'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { closeLinkSession } from '@/db/queries/identity';
import { cancelForPerson, isTheirs } from '@/db/queries/my-registrations';
import { renewCalendarToken } from '@/db/queries/registrations';
import { DomainError } from '@/lib/errors';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';

const cancelForm = z.object({ registrationId: z.uuid(), sessionId: z.uuid().optional() });

/** Cancel one seat (a `sessionId` field) or a whole registration of the person, from the personal page. */
export async function cancelAction(form: FormData): Promise<void> {
  const parsed = cancelForm.safeParse({ registrationId: form.get('registrationId'), sessionId: form.get('sessionId') ?? undefined });
  if (parsed.success) {
    const [linkRegistrationId, user] = await Promise.all([currentLinkRegistrationId(), currentUser()]);
    try {
      await cancelForPerson({ linkRegistrationId, userId: user?.id ?? null }, parsed.data.registrationId, parsed.data.sessionId);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  redirect('/r?done=1');
}

/** This browser stops being the registrant's (its link session ends; the personal link still works). */
export async function forgetAction(): Promise<void> {
  const jar = await cookies();
  const secret = jar.get(JOIN_COOKIE)?.value;
  if (secret) await closeLinkSession(secret);
  jar.delete(JOIN_COOKIE);
  redirect('/r?forgotten=1');
}

const registrationForm = z.object({ registrationId: z.uuid() });

/** A new calendar feed address for one of the person's registrations (the old one stops working). */
export async function renewCalendarAction(form: FormData): Promise<void> {
  const parsed = registrationForm.safeParse({ registrationId: form.get('registrationId') });
  if (parsed.success) {
    const [linkRegistrationId, user] = await Promise.all([currentLinkRegistrationId(), currentUser()]);
    if (await isTheirs({ linkRegistrationId, userId: user?.id ?? null }, parsed.data.registrationId)) await renewCalendarToken(parsed.data.registrationId);
  }
  redirect('/r?calendar=1');
}

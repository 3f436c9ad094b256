'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cancel } from '@/db/queries/registrations';
import { DomainError } from '@/lib/errors';

/** Cancel one seat (a `sessionId` field) or the whole registration, from the personal page. */
export async function cancelAction(token: string, form: FormData): Promise<void> {
  const sessionId = z.uuid().optional().safeParse(form.get('sessionId') ?? undefined);
  try {
    await cancel(token, sessionId.success ? sessionId.data : undefined);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
  redirect(`/r/${token}?done=1`);
}

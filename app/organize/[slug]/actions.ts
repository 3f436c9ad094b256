'use server';

import { redirect } from 'next/navigation';
import { checkIn } from '@/db/queries/organizer';
import { DomainError } from '@/lib/errors';
import { currentUser } from '@/server/auth/current';

/** Accept a token, or a whole personal link (what a QR scanner types). */
function tokenOf(input: string): string {
  const s = input.trim();
  const m = /\/r\/([A-Za-z0-9_-]+)/.exec(s);
  return (m ? m[1]! : s).slice(0, 200);
}

export async function checkInAction(eventSlug: string, form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${eventSlug}`);
  let query: string;
  try {
    const r = await checkIn(user.id, eventSlug, tokenOf(String(form.get('code') ?? '')));
    query = `${r.already ? 'already' : 'welcome'}=${encodeURIComponent(r.name)}`;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    query = 'unknown=1';
  }
  redirect(`/organize/${eventSlug}?${query}#check-in`);
}

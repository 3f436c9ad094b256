'use server';

import { checkIn } from '@/db/queries/organizer';
import { redirectAction } from '@/server/actions/form-action';

/** Accept a token, or a whole personal link (what a QR scanner types). */
function tokenOf(input: string): string {
  const s = input.trim();
  const m = /\/r\/([A-Za-z0-9_-]+)/.exec(s);
  return (m ? m[1]! : s).slice(0, 200);
}

export const checkInAction = redirectAction(
  { signIn: (eventSlug: string) => `/organize/${eventSlug}`, refused: (_err, eventSlug) => `/organize/${eventSlug}?unknown=1#check-in` },
  async ({ who, form }, eventSlug) => {
    const r = await checkIn(who.id, eventSlug, tokenOf(String(form.get('code') ?? '')));
    return `/organize/${eventSlug}?${r.already ? 'already' : 'welcome'}=${encodeURIComponent(r.name)}#check-in`;
  },
);

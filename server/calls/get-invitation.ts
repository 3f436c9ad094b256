import { getDb } from '@/db/client';
import { invitationOf } from '@/db/queries/calls/proposals';

/** What the confirmation page shows (no e-mail), or null for an unknown token. */
export async function invitation(token: string) {
  return (await invitationOf(await getDb(), token.slice(0, 100))) ?? null;
}

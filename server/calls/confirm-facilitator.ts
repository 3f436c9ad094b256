import { getDb } from '@/db/client';
import { confirmInvitation } from '@/db/queries/calls/proposals';
import { proposalPath } from '@/lib/domain/calls';

/** A co-facilitator confirms their part (the link mailed to them): the proposal's path, or null. */
export async function confirmFacilitator(token: string) {
  const p = await confirmInvitation(await getDb(), token.slice(0, 100));
  return p ? proposalPath(p.slug, p.id) : null;
}

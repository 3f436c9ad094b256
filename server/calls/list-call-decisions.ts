import { getDb } from '@/db/client';
import { callBySlug } from '@/db/queries/calls/calls';
import { transitionsOfCall } from '@/db/queries/calls/proposals';

/** Every decision of an open call, newest first (the Atom feed); entries null for a closed call, null for an unknown one. */
export async function callDecisions(callSlug: string) {
  const db = await getDb();
  const call = await callBySlug(db, callSlug);
  if (!call || call.visibility !== 'open') return call ? { call, entries: null } : null;
  const entries = await transitionsOfCall(db, call.id, ['changes_requested', 'accepted', 'declined', 'scheduled', 'withdrawn']);
  return { call, entries };
}

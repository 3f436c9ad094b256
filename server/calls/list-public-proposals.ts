import { getDb } from '@/db/client';
import { proposalsOfCall } from '@/db/queries/calls/proposals';
import type { PublicProposal } from '@/lib/domain/calls';
import { DomainError } from '@/lib/errors';
import { requireCall } from './access';
import { publicShape } from './read-models';

/** Public: an open call's proposals, oldest first. A closed call's are refused (403 `call_closed`). */
export async function publicProposals(callSlug: string, base = '', now = new Date()): Promise<PublicProposal[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const call = await requireCall(tx, callSlug);
    if (call.visibility !== 'open') throw new DomainError(403, 'call_closed', 'The proposals of this call are seen by their proposers and the committee only.');
    return publicShape(tx, call, await proposalsOfCall(tx, call.id), base, now);
  });
}

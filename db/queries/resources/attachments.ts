import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import { attachments } from '../../schema';

// A resource's files: who uploaded the candidates, and setting the resource's list.

/** These uploads: the resource each is on (null when unattached) and who uploaded it. */
export async function attachmentOwners(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: attachments.id, resourceId: attachments.resourceId, by: attachments.uploadedBy, byReg: attachments.uploadedByRegistration })
    .from(attachments)
    .where(inArray(attachments.id, ids));
}

/** The resource's files become exactly `ids`, in that order: the others it had are deleted. */
export async function setResourceAttachments(tx: Tx, resourceId: string, ids: string[]): Promise<void> {
  await tx
    .delete(attachments)
    .where(and(eq(attachments.resourceId, resourceId), ids.length ? sql`${attachments.id} not in ${ids}` : undefined));
  for (const [position, id] of ids.entries()) {
    await tx.update(attachments).set({ resourceId, position }).where(eq(attachments.id, id));
  }
}

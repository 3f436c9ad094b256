import { attachmentOwners, setResourceAttachments } from '@/db/queries/resources/attachments';
import { countSessions, resourceForUpdate, type ResourceRow } from '@/db/queries/resources/rows';
import type { Tx } from '@/db/client';
import { DomainError } from '@/lib/errors';

// Steps the resource writes of server/paths/ share, in the caller's transaction.

/** The resource, locked for the transaction; a 404 when there is none. */
export async function lockResource(tx: Tx, resourceId: string): Promise<ResourceRow> {
  const r = await resourceForUpdate(tx, resourceId);
  if (!r) throw new DomainError(404, 'not_found', 'No such resource.');
  return r;
}

/** Every session listed exists (else a 400). */
export async function checkSessions(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  if ((await countSessions(tx, ids)) !== new Set(ids).size) throw new DomainError(400, 'invalid', 'Unknown session.', { sessionIds: 'unknown' });
}

/**
 * Attach uploads to a resource: each must be unattached and uploaded by the same person, or be
 * on this resource already. Attachments left out are removed from the resource (and deleted).
 */
export async function attachFiles(
  tx: Tx,
  resourceId: string,
  ids: string[],
  uploader: { userId?: string | null; registrationId?: string | null },
): Promise<void> {
  const rows = await attachmentOwners(tx, ids);
  for (const id of ids) {
    const a = rows.find((x) => x.id === id);
    const mine =
      a &&
      (a.resourceId === resourceId ||
        (a.resourceId === null &&
          ((uploader.userId && a.by === uploader.userId) || (uploader.registrationId && a.byReg === uploader.registrationId))));
    if (!mine) throw new DomainError(400, 'invalid', 'Unknown attachment.', { attachmentIds: 'unknown' });
  }
  await setResourceAttachments(tx, resourceId, ids);
}

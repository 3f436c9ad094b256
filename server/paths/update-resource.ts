import { getDb } from '@/db/client';
import { actorOf } from '@/db/queries/paths/rows';
import { pathIdsOfResource, replaceSessions, updateResourceRow } from '@/db/queries/resources/rows';
import { snapshotOf, writeRevision } from '@/db/queries/resources/revisions';
import { canReview, changedFields, type ResourceActor, type UpdateResourceRequest } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { attachFiles, checkSessions, lockResource } from './resource-writes';

/**
 * Edit a resource's fields (any subset), by a reviewer of one of its paths. `version` must be
 * the one the editor read: a concurrent edit is a 409, not lost. Returns the new version.
 */
export async function updateResource(actor: ResourceActor, resourceId: string, patch: UpdateResourceRequest, now = new Date()): Promise<{ version: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockResource(tx, resourceId);
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, await pathIdsOfResource(tx, resourceId))) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can edit it.');
    if (patch.version !== r.version) throw new DomainError(409, 'conflict', 'Somebody changed this resource meanwhile: reload it.', { version: String(r.version) });
    const before = await snapshotOf(tx, r);
    const { version: _v, sessionIds, attachmentIds, ...fields } = patch;
    if (sessionIds) {
      await checkSessions(tx, sessionIds);
      await replaceSessions(tx, resourceId, sessionIds);
    }
    if (attachmentIds) await attachFiles(tx, resourceId, attachmentIds, { userId: actor.userId });
    const updated = await updateResourceRow(tx, resourceId, { ...fields, version: r.version + 1, updatedAt: now });
    const after = await snapshotOf(tx, updated);
    if (changedFields(before, after).length === 0) throw new DomainError(400, 'unchanged', 'Nothing changed.');
    await writeRevision(tx, updated, 'updated', { userId: actor.userId, name: actor.name }, before);
    return { version: updated.version };
  });
}

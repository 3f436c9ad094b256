import { getDb } from '@/db/client';
import { actorOf } from '@/db/queries/paths/rows';
import { appendToPath, pathIdsBySlugs, pathIdsOfResource, removeFromPaths, updateResourceRow } from '@/db/queries/resources/rows';
import { snapshotOf, writeRevision } from '@/db/queries/resources/revisions';
import { canPlaceOn, canReview, type ResourceActor } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { lockResource } from './resource-writes';

/**
 * Put a resource on more paths or take it off some (reviewers of each path concerned). A
 * resource keeps at least one path.
 */
export async function setResourcePaths(actor: ResourceActor, resourceId: string, pathSlugs: string[], now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await lockResource(tx, resourceId);
    const current = await pathIdsOfResource(tx, resourceId);
    const wantedIds = await pathIdsBySlugs(tx, pathSlugs);
    if (!wantedIds.length || wantedIds.length !== new Set(pathSlugs).size) throw new DomainError(400, 'invalid', 'Unknown path.', { paths: 'unknown' });
    const added = wantedIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wantedIds.includes(id));
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, current) || !canPlaceOn(rights, [...added, ...removed])) {
      throw new DomainError(403, 'forbidden', 'Only a path’s coordinators can put resources on it or take them off.');
    }
    if (!added.length && !removed.length) return;
    const before = await snapshotOf(tx, r);
    if (removed.length) await removeFromPaths(tx, resourceId, removed);
    for (const pathId of added) await appendToPath(tx, resourceId, pathId);
    const updated = await updateResourceRow(tx, resourceId, { version: r.version + 1, updatedAt: now });
    await writeRevision(tx, updated, 'updated', { userId: actor.userId, name: actor.name }, before);
  });
}

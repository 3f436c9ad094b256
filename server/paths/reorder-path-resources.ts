import { getDb } from '@/db/client';
import { pathResourceIdsForUpdate, setPathOrder } from '@/db/queries/resources/order';
import { actorOf } from '@/db/queries/paths/rows';
import { pathIdOf } from '@/server/paths/path-id';
import type { ResourceActor } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';

/** Set the order of a path's resources (its coordinators): ids not listed keep their order after the listed ones. */
export async function reorderPathResources(actor: ResourceActor, pathSlug: string, resourceIds: string[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    if (!may((await actorOf(actor.userId, tx)).grants, 'path.edit', { pathId })) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can order its resources.');
    const current = await pathResourceIdsForUpdate(tx, pathId);
    const present = new Set(current);
    if (resourceIds.some((id) => !present.has(id))) throw new DomainError(400, 'invalid', 'A resource is not on this path.', { resourceIds: 'not_on_path' });
    await setPathOrder(tx, pathId, [...new Set(resourceIds), ...current.filter((id) => !resourceIds.includes(id))]);
  });
}

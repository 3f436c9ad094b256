import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../client';
import { resourcePaths } from '../../schema';

// The order of the resources on a path.

/** The ids of a path's resources in their order, locked for the rest of the transaction. */
export async function pathResourceIdsForUpdate(tx: Tx, pathId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: resourcePaths.resourceId })
    .from(resourcePaths)
    .where(eq(resourcePaths.pathId, pathId))
    .orderBy(asc(resourcePaths.position))
    .for('update');
  return rows.map((r) => r.id);
}

/** Each resource's position on the path becomes its index in `order`. */
export async function setPathOrder(tx: Tx, pathId: string, order: string[]): Promise<void> {
  for (const [position, id] of order.entries()) {
    await tx.update(resourcePaths).set({ position }).where(and(eq(resourcePaths.pathId, pathId), eq(resourcePaths.resourceId, id)));
  }
}

import { getDb } from '@/db/client';
import { actorOf, updatePathRow } from '@/db/queries/paths/rows';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';
import { pathIdOf } from './path-id';

type PathUpdate = {
  title?: string;
  summary?: string;
  description?: string;
  status?: 'draft' | 'active' | 'archived';
  coverAttachmentId?: string | null;
};

/** Edit a path's presentation (`path.edit`: its coordinators, admins). */
export async function updatePath(actorId: string, slug: string, patch: PathUpdate): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const pathId = await pathIdOf(slug, tx);
    if (!may((await actorOf(actorId, tx)).grants, 'path.edit', { pathId })) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can edit it.');
    await updatePathRow(tx, pathId, { ...patch, updatedAt: new Date() });
  });
}

import { getDb } from '@/db/client';
import { actorOf } from '@/db/queries/paths/rows';
import { resourceExists } from '@/db/queries/resources/pages';
import { namesInSnapshots, revisionsOf } from '@/db/queries/resources/revisions';
import { pathIdsOfResource } from '@/db/queries/resources/rows';
import { canReview, diffSnapshots, type ResourceSnapshot, type RevisionView, type SnapshotText, withNames } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';

/**
 * A resource's history, newest first, with each revision's diff: reviewers of its paths only. With
 * `text` (a page), values read as a person reads them: the linked sessions, paths and files by
 * their titles and names, the rest as `text` says; without it (the API), as stored.
 */
export async function listRevisions(userId: string, resourceId: string, text?: SnapshotText): Promise<RevisionView[]> {
  const db = await getDb();
  const pathIds = await pathIdsOfResource(db, resourceId);
  if (!(await resourceExists(db, resourceId))) throw new DomainError(404, 'not_found', 'No such resource.');
  if (!canReview(await actorOf(userId), pathIds)) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can see its history.');
  const rows = await revisionsOf(db, resourceId);
  const snapshots = rows.map((r) => r.snapshot as ResourceSnapshot);
  const shown = text && withNames(await namesInSnapshots(db, snapshots), text);
  const views = rows.map((row, i) => ({
    id: row.id,
    version: row.version,
    action: row.action,
    actorName: row.actorName,
    changed: row.changed,
    note: row.note,
    createdAt: row.createdAt,
    diff: diffSnapshots(i ? snapshots[i - 1]! : null, snapshots[i]!, shown),
  }));
  return views.reverse();
}

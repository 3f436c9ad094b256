import { asc, eq, inArray } from 'drizzle-orm';
import { changedFields, contentOf, type ResourceSnapshot } from '@/lib/domain/resources';
import type { Db, Tx } from '../../client';
import { attachments, paths, programmeSessions, resourcePaths, resourceRevisions, resourceSessions } from '../../schema';
import type { ResourceRow } from './rows';

// Revisions of resources: the snapshot each keeps, writing one, reading a resource's history.

type Q = Db | Tx;

/** The resource's snapshot as its revisions keep it. */
export async function snapshotOf(tx: Tx, r: ResourceRow): Promise<ResourceSnapshot> {
  const [pathRows, sessionRows, attachmentRows] = await Promise.all([
    tx.select({ id: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, r.id)),
    tx.select({ id: resourceSessions.sessionId }).from(resourceSessions).where(eq(resourceSessions.resourceId, r.id)),
    tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.resourceId, r.id)).orderBy(asc(attachments.position)),
  ]);
  return {
    ...contentOf(r),
    status: r.status,
    sessionIds: sessionRows.map((x) => x.id).sort(),
    pathIds: pathRows.map((x) => x.id).sort(),
    attachmentIds: attachmentRows.map((x) => x.id),
  };
}

/** Record a revision of `r` (its state after a change) in the caller's transaction (also used by the seeder). */
export async function writeRevision(
  tx: Tx,
  r: ResourceRow,
  action: (typeof resourceRevisions.$inferInsert)['action'],
  actor: { userId: string | null; name: string },
  before: ResourceSnapshot | null,
  note?: string | null,
): Promise<void> {
  const after = await snapshotOf(tx, r);
  await tx.insert(resourceRevisions).values({
    resourceId: r.id,
    version: r.version,
    action,
    actorUserId: actor.userId,
    actorName: actor.name,
    changed: changedFields(before, after),
    snapshot: after,
    note: note ?? null,
  });
}

/** A resource's revisions, oldest first. */
export async function revisionsOf(q: Q, resourceId: string) {
  return q.select().from(resourceRevisions).where(eq(resourceRevisions.resourceId, resourceId)).orderBy(asc(resourceRevisions.version));
}

/** The titles and file names of the sessions, paths and files these snapshots name (those that still exist), by id. */
export async function namesInSnapshots(q: Q, snapshots: Partial<ResourceSnapshot>[]): Promise<Map<string, string>> {
  const ids = (field: 'sessionIds' | 'pathIds' | 'attachmentIds') => [...new Set(snapshots.flatMap((s) => s[field] ?? []))];
  const [sessionIds, pathIds, attachmentIds] = [ids('sessionIds'), ids('pathIds'), ids('attachmentIds')];
  const [sessionRows, pathRows, fileRows] = await Promise.all([
    sessionIds.length ? q.select({ id: programmeSessions.id, name: programmeSessions.title }).from(programmeSessions).where(inArray(programmeSessions.id, sessionIds)) : [],
    pathIds.length ? q.select({ id: paths.id, name: paths.title }).from(paths).where(inArray(paths.id, pathIds)) : [],
    attachmentIds.length ? q.select({ id: attachments.id, name: attachments.filename }).from(attachments).where(inArray(attachments.id, attachmentIds)) : [],
  ]);
  return new Map([...sessionRows, ...pathRows, ...fileRows].map((r) => [r.id, r.name]));
}

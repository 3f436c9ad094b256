import { getDb } from '@/db/client';
import { actorOf } from '@/db/queries/paths/rows';
import { pathIdOf } from '@/server/paths/path-id';
import { appendToPath, freeSlug, insertResource, linkSessions, type ResourceRow } from '@/db/queries/resources/rows';
import { writeRevision } from '@/db/queries/resources/revisions';
import { canPlaceOn, type CreateResourceRequest, type ResourceActor } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { attachFiles, checkSessions } from './resource-writes';

/**
 * A new resource on a path, by its coordinators, organizers or admins: a draft, or published at
 * once with `publish`. Returns its id and slug.
 */
export async function createResource(
  actor: ResourceActor,
  pathSlug: string,
  input: CreateResourceRequest,
  now = new Date(),
): Promise<{ id: string; slug: string; status: ResourceRow['status'] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    const rights = await actorOf(actor.userId, tx);
    if (!canPlaceOn(rights, [pathId])) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can add resources to it.');
    await checkSessions(tx, input.sessionIds);
    const { sessionIds, attachmentIds, publish, ...fields } = input;
    const r = await insertResource(tx, {
      ...fields,
      date: fields.date ?? null,
      mediaUrl: fields.mediaUrl ?? null,
      slug: await freeSlug(tx, fields.title),
      status: publish ? 'published' : 'draft',
      publishedAt: publish ? now : null,
      createdBy: actor.userId,
      reviewedBy: publish ? actor.userId : null,
      reviewedAt: publish ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await appendToPath(tx, r.id, pathId);
    await linkSessions(tx, r.id, sessionIds);
    await attachFiles(tx, r.id, attachmentIds, { userId: actor.userId });
    await writeRevision(tx, r, publish ? 'published' : 'created', { userId: actor.userId, name: actor.name }, null);
    return { id: r.id, slug: r.slug, status: r.status };
  });
}

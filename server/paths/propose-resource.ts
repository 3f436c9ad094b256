import { getDb } from '@/db/client';
import type { Identity } from '@/db/queries/identity';
import { appendToPath, freeSlug, insertResource, pathBySlug } from '@/db/queries/resources/rows';
import { writeRevision } from '@/db/queries/resources/revisions';
import type { ProposeResourceRequest } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { attachFiles } from './resource-writes';

/**
 * A proposal from anybody signed in, or a registrant through their personal link: lands in the
 * path's review queue (`in_review`), tagged with the proposer, who is mailed the outcome.
 * Attachments must have been uploaded by the same person.
 */
export async function proposeResource(
  who: Identity,
  pathSlug: string,
  input: Omit<ProposeResourceRequest, 'token'>,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await pathBySlug(tx, pathSlug);
    if (!p || p.status === 'draft') throw new DomainError(404, 'not_found', 'No such path.');
    if (p.status === 'archived') throw new DomainError(409, 'path_archived', 'This path is archived: it takes no new proposals.');
    const { attachmentIds, ...fields } = input;
    const registrationId = who.kind === 'registration' ? who.registrationId : null;
    const r = await insertResource(tx, {
      ...fields,
      date: fields.date ?? null,
      mediaUrl: fields.mediaUrl ?? null,
      slug: await freeSlug(tx, fields.title),
      status: 'in_review',
      proposed: true,
      createdBy: who.userId,
      proposerUserId: who.userId,
      proposerRegistrationId: registrationId,
      proposerName: who.name,
      proposerEmail: who.email,
      createdAt: now,
      updatedAt: now,
    });
    await appendToPath(tx, r.id, p.id);
    await attachFiles(tx, r.id, attachmentIds, { userId: who.userId, registrationId });
    await writeRevision(tx, r, 'proposed', { userId: who.userId, name: who.name }, null);
    return { id: r.id, slug: r.slug };
  });
}

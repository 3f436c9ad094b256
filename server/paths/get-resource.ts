import { getDb } from '@/db/client';
import { attachmentsOfResource } from '@/db/queries/attachments';
import { actorOf } from '@/db/queries/paths/rows';
import { pathsOfResource, resourceBySlug, sessionsOfResource } from '@/db/queries/resources/pages';
import type { ResourceRow } from '@/db/queries/resources/rows';
import { canReview } from '@/lib/domain/resources';

export type ResourceView = ResourceRow & {
  paths: { id: string; slug: string; title: string }[];
  sessions: { id: string; slug: string; title: string; startsAt: Date; event: { slug: string; title: string; timeZone: string } }[];
  attachments: { id: string; filename: string; contentType: string; size: number; width: number | null; height: number | null; variants: string[] }[];
  viewer: { canEdit: boolean; isProposer: boolean };
};

/**
 * A resource by slug: published ones for everybody; other statuses for the reviewers of one of
 * its paths and for its proposer (who sees their own proposal). Null otherwise.
 */
export async function getResourceBySlug(slug: string, viewer: { userId?: string | null; registrationId?: string | null } = {}): Promise<ResourceView | null> {
  const db = await getDb();
  const r = await resourceBySlug(db, slug);
  if (!r) return null;
  const pathRows = await pathsOfResource(db, r.id);
  const canEdit = viewer.userId ? canReview(await actorOf(viewer.userId), pathRows.map((p) => p.id)) : false;
  const isProposer =
    (Boolean(viewer.userId) && r.proposerUserId === viewer.userId) ||
    (Boolean(viewer.registrationId) && r.proposerRegistrationId === viewer.registrationId);
  if (r.status !== 'published' && !canEdit && !isProposer) return null;
  const [sessionRows, files] = await Promise.all([sessionsOfResource(db, r.id), attachmentsOfResource(r.id)]);
  return { ...r, paths: pathRows, sessions: sessionRows, attachments: files, viewer: { canEdit, isProposer } };
}

import { getDb } from '@/db/client';
import { agendaOf, coordinatorsOf, pathRowBySlug, resourcesOnPath } from '@/db/queries/paths/pages';
import { actorOf } from '@/db/queries/paths/rows';
import type { PathPage } from '@/lib/domain/paths';
import { canReview, type ResourceFormat } from '@/lib/domain/resources';

/**
 * The path page: the path, its coordinators, its published resources in the coordinators'
 * order (optionally filtered by format and language), and its agenda. A draft path is shown to
 * its coordinators, organizers and admins only. Null when unknown (or hidden from the viewer).
 * With `includeUnpublished` a viewer who may edit also gets drafts, reviews and archived ones.
 */
export async function getPathBySlug(
  slug: string,
  opts: { viewerId?: string | null; format?: ResourceFormat; language?: string; includeUnpublished?: boolean; now?: Date } = {},
): Promise<PathPage | null> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const p = await pathRowBySlug(db, slug);
  if (!p) return null;
  const actor = opts.viewerId ? await actorOf(opts.viewerId) : null;
  const canEdit = actor ? canReview(actor, [p.id]) : false;
  if (p.status === 'draft' && !canEdit) return null;
  const all = canEdit && opts.includeUnpublished === true;
  const items = await resourcesOnPath(db, p.id, all);
  const published = items.filter((r) => r.status === 'published');
  const [coords, agenda] = await Promise.all([coordinatorsOf(db, [p.id]), agendaOf(db, [p.id])]);
  const sessions = agenda.map(({ pathId: _p, ...s }) => s);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: p.status,
    coverAttachmentId: p.coverAttachmentId,
    language: p.language,
    updatedAt: p.updatedAt,
    coordinators: coords.get(p.id) ?? [],
    resourceCount: published.length,
    resources: items.filter((r) => (!opts.format || r.format === opts.format) && (!opts.language || r.language === opts.language)),
    facets: {
      formats: [...new Set(published.map((r) => r.format))],
      languages: [...new Set(published.map((r) => r.language))],
    },
    agenda: {
      upcoming: sessions.filter((s) => s.endsAt > now),
      past: sessions.filter((s) => s.endsAt <= now).reverse(),
    },
    viewer: { canEdit, reviewQueueCount: canEdit ? items.filter((r) => r.status === 'in_review').length : 0 },
  };
}

import { listPaths } from './list-paths';

/** `GET /api/paths` (public contract). */
export async function publicPaths() {
  const list = await listPaths();
  return list.map((p) => ({
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    coordinators: p.coordinators.map((c) => ({ name: c.name, organization: c.organization })),
    resourceCount: p.resourceCount,
  }));
}

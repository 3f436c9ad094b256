import type { AgendaSession } from '@/lib/domain/paths';
import { getPathBySlug } from './get-path';

/** `GET /api/paths/{path}` (public contract): the path, its published resources and linked sessions; null when unknown. */
export async function publicPath(slug: string, baseUrl: string) {
  const p = await getPathBySlug(slug);
  if (!p || p.status === 'draft') return null;
  const session = (s: AgendaSession) => ({
    slug: s.slug,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    event: { slug: s.event.slug, title: s.event.title },
    url: `${baseUrl}/events/${s.event.slug}/sessions/${s.slug}`,
    outputs: s.outputs.map((o) => ({ ...o, url: `${baseUrl}/resources/${o.slug}` })),
  });
  return {
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: p.status,
    url: `${baseUrl}/paths/${p.slug}`,
    coordinators: p.coordinators,
    resourceCount: p.resourceCount,
    resources: p.resources.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      format: r.format,
      language: r.language,
      date: r.date,
      licence: r.licence,
      authors: r.authors,
      mediaUrl: r.mediaUrl,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      url: `${baseUrl}/resources/${r.slug}`,
    })),
    sessions: { upcoming: p.agenda.upcoming.map(session), past: p.agenda.past.map(session) },
  };
}

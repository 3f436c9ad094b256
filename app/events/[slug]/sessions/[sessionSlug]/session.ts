import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getProgrammeSession } from '@/db/queries/events';
import { sessionAccess } from '@/db/queries/live';
import { currentParticipant } from '@/server/auth/current';

export type SessionParams = { slug: string; sessionSlug: string };

/** The event and session of a session route, or null. */
export async function loadSession(params: Promise<SessionParams>) {
  return getProgrammeSession(await params);
}

/** The event and session of a session route with the session's page path, or the 404 page. */
export async function sessionOr404(params: Promise<SessionParams>) {
  const found = await loadSession(params);
  if (!found) notFound();
  return { ...found, path: `/events/${found.event.slug}/sessions/${found.session.slug}` };
}

/** A staff page's session (or the 404 page), who is here (`who`) and what they may do in it (`sessionAccess`). */
export async function staffSession(params: Promise<SessionParams>) {
  const [found, who] = await Promise.all([sessionOr404(params), currentParticipant()]);
  return { ...found, who, access: await sessionAccess(who, found.session.id) };
}

/** `generateMetadata` of a session's page: "<the page's name> — <the session's title>" (`namespace.key` in the catalogues). */
export const titledAfterSession =
  (namespace: string, key: string) =>
  async ({ params }: { params: Promise<SessionParams> }): Promise<Metadata> => {
    const [found, t] = await Promise.all([loadSession(params), getTranslations(namespace)]);
    return { title: found ? `${t(key)} — ${found.session.title}` : 'Chemins' };
  };

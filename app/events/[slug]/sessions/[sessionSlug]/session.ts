import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getProgrammeSession } from '@/db/queries/events';

export type SessionParams = { slug: string; sessionSlug: string };

/** The event and session of a session route, or null. */
export async function loadSession(params: Promise<SessionParams>) {
  return getProgrammeSession(await params);
}

/** `generateMetadata` of a session's page: "<the page's name> — <the session's title>" (`namespace.key` in the catalogues). */
export const titledAfterSession =
  (namespace: string, key: string) =>
  async ({ params }: { params: Promise<SessionParams> }): Promise<Metadata> => {
    const [found, t] = await Promise.all([loadSession(params), getTranslations(namespace)]);
    return { title: found ? `${t(key)} — ${found.session.title}` : 'Chemins' };
  };

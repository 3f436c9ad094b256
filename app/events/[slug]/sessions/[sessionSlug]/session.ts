import { getEventProgramme } from '@/db/queries/events';

export type SessionParams = { slug: string; sessionSlug: string };

/** The event and session of a session route, or null. */
export async function loadSession(params: Promise<SessionParams>) {
  const { slug, sessionSlug } = await params;
  const programme = await getEventProgramme(slug);
  const session = programme?.sessions.find((s) => s.slug === sessionSlug);
  return programme && session ? { event: programme.event, session } : null;
}

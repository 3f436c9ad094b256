import { getProgrammeSession } from '@/db/queries/events';

export type SessionParams = { slug: string; sessionSlug: string };

/** The event and session of a session route, or null. */
export async function loadSession(params: Promise<SessionParams>) {
  return getProgrammeSession(await params);
}

import { getDb } from '@/db/client';
import { pathsLinkedTo } from '@/db/queries/paths/rows';

/** The paths a session is linked to (programme editor, session page). */
export async function pathsOfSession(sessionId: string): Promise<{ id: string; slug: string; title: string }[]> {
  return pathsLinkedTo(await getDb(), sessionId);
}

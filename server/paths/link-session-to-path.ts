import { getDb } from '@/db/client';
import { grantsOf } from '@/db/queries/grants';
import { linkPathSession, sessionEventOf, unlinkPathSession } from '@/db/queries/paths/rows';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';
import { pathIdOf } from './path-id';

/**
 * Link (or unlink) a programme session to a path, from the programme editor: those who organize
 * the session's event (`event.manage`). Returns whether anything changed.
 */
export async function linkSessionToPath(actorId: string, pathSlug: string, sessionId: string, linked: boolean): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    const s = await sessionEventOf(tx, sessionId);
    if (!s) throw new DomainError(404, 'not_found', 'No such session.', { sessionId: 'unknown' });
    if (!may(await grantsOf(actorId, { eventId: s.eventId }, tx), 'event.manage', { eventId: s.eventId })) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can link its sessions to paths.');
    return linked ? linkPathSession(tx, pathId, sessionId, actorId) : unlinkPathSession(tx, pathId, sessionId);
  });
}

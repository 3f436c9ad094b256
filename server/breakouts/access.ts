import type { SessionAccess } from '@/db/queries/live';
import { config } from '@/lib/config';
import { roomWindow } from '@/lib/domain/video';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';

/** Breakouts are the session's moderators' (`session.moderate`); returns their actor key. */
export function assertBreakoutModerator(a: SessionAccess): string {
  if (!a.actorKey || !may(a.grants, 'session.moderate', { sessionId: a.session.id, eventId: a.session.eventId })) {
    throw new DomainError(403, 'forbidden', 'Only the session’s moderators can run breakout groups.');
  }
  return a.actorKey;
}

/** Groups are made while the session's room is open (its video window). */
export function assertLive(a: SessionAccess, now: Date): void {
  const c = config();
  const w = roomWindow(a.session, c.ROOM_OPEN_MINUTES, c.ROOM_GRACE_MINUTES);
  if (now < w.opensAt || now >= w.closesAt) throw new DomainError(409, 'closed', 'Breakout groups run while the session is live.');
}

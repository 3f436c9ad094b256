import type { Identity } from '@/db/queries/identity';
import { sessionAccess, type SessionAccess } from '@/db/queries/live';
import { notesLocked } from '@/db/queries/notes/notes';
import { type NotesAccess, notesAccess, notesDocumentName } from '@/lib/domain/notes';
import { DomainError } from '@/lib/errors';

/**
 * What the person asking over HTTP may do with a session's notes (or a group's): `notesAccess`
 * over the live rooms' access. 404 for no such session, 403 `forbidden` for non-readers.
 */
export async function notesAccessOf(
  identity: Identity | null,
  sessionId: string,
  groupId?: string | null,
): Promise<{ access: Exclude<NotesAccess, 'none'>; documentName: string; live: SessionAccess; locked: boolean }> {
  const live = await sessionAccess(identity, sessionId);
  if (!live) throw new DomainError(404, 'not_found', 'No such session.');
  const documentName = notesDocumentName(sessionId, groupId);
  const locked = await notesLocked(documentName);
  const access = notesAccess({ ...live, locked });
  if (access === 'none') throw new DomainError(403, 'forbidden', 'Only the session’s participants can read its notes.');
  return { access, documentName, live, locked };
}

/** The session's moderators (and its event's organizers, admins), signed in; else 403. */
export async function assertNotesModerator(identity: Identity | null, sessionId: string, groupId?: string | null) {
  const found = await notesAccessOf(identity, sessionId, groupId);
  if (!found.live.isModerator || !found.live.actorKey) throw new DomainError(403, 'forbidden', 'Only the session’s moderators can do this.');
  return { ...found, actorKey: found.live.actorKey, authorName: identity?.name ?? '' };
}

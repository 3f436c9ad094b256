import { authenticateNotes, NotesRefusal } from './authenticate';
import { type NotesContent, notesOf } from './notes-of';

export type NotesReader = {
  /** The name on this person's caret (a guest's with the guest tag, as in the live rooms). */
  name: string;
  /** May write while the notes are unlocked (the live rooms' writers). */
  mayWrite: boolean;
  /** Locked by a moderator (writers read only until it is unlocked). */
  locked: boolean;
  /** May lock, unlock and restore. */
  moderator: boolean;
  notes: NotesContent;
};

/**
 * The page's view of a notes document for the browser asking (its cookies: sign-in, personal
 * link, guest), decided as the notes' socket decides (`authenticateNotes`), with the notes as
 * stored; null for those who may not read them.
 */
export async function notesReader(documentName: string, cookieHeader: string | null): Promise<NotesReader | null> {
  const found = await authenticateNotes(documentName, '', cookieHeader).catch((e: unknown) => {
    if (e instanceof NotesRefusal) return null;
    throw e;
  });
  if (!found) return null;
  const { context, access } = found;
  return {
    name: context.authorName,
    mayWrite: context.writer,
    // A writer who reads only: the notes are locked (for the others, the lock changes nothing).
    locked: context.writer && !context.moderator && access === 'read',
    moderator: context.moderator,
    notes: await notesOf(context.sessionId, context.groupId),
  };
}

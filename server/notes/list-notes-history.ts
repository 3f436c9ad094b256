import type { Identity } from '@/db/queries/identity';
import { listNoteHistory } from '@/db/queries/notes/notes';
import { notesAccessOf } from './access';

/**
 * The notes' history, newest first (who wrote, when, how much; one entry per author and minute),
 * to its readers; `restorable` says whether this person may bring the notes back to an entry.
 */
export async function listNotesHistory(identity: Identity | null, sessionId: string, groupId?: string | null) {
  const { documentName, live, locked } = await notesAccessOf(identity, sessionId, groupId);
  const entries = await listNoteHistory(documentName);
  return {
    locked,
    restorable: live.isModerator && live.actorKey !== null,
    entries: entries.map((e) => ({ id: e.id, author: e.authorName, at: e.at.toISOString(), until: e.until.toISOString(), updates: e.updates, bytes: e.bytes })),
  };
}

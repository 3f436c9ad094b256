import type { Identity } from '@/db/queries/identity';
import { appendNoteUpdate, noteUpdatesThrough } from '@/db/queries/notes/notes';
import { DomainError } from '@/lib/errors';
import { assertNotesModerator } from './access';
import { notesHooks } from './hooks';

/**
 * Moderators bring the notes back to a history point: the document's content is replaced by its
 * content then, as a NEW update (written to the history under the moderator's name), so that every
 * open editor converges on it and the restore itself can be undone by restoring again.
 */
export async function restoreNotes(identity: Identity | null, sessionId: string, entryId: number, groupId?: string | null): Promise<{ entryId: number }> {
  const { documentName, actorKey, authorName } = await assertNotesModerator(identity, sessionId, groupId);
  const updates = await noteUpdatesThrough(documentName, entryId);
  if (!updates) throw new DomainError(404, 'not_found', 'No such point in the notes’ history.');
  const hooks = notesHooks();
  if (!hooks) throw new DomainError(503, 'notes_unavailable', 'The notes server is not running in this process.');
  const update = await hooks.replaceContent(documentName, updates);
  return { entryId: await appendNoteUpdate({ documentName, sessionId, actorKey, authorName, update }) };
}

import type { Identity } from '@/db/queries/identity';
import { setNotesLockedRow } from '@/db/queries/notes/notes';
import { assertNotesModerator } from './access';
import { notesHooks } from './hooks';

/**
 * Moderators lock (or unlock) a session's notes: then only they write. Open connections follow at
 * once, in every process (their read-only flag is set again, and the editors are told by a
 * stateless message `{"type":"notes:locked","locked":…,"readOnly":…}`).
 */
export async function setNotesLocked(identity: Identity | null, sessionId: string, locked: boolean, groupId?: string | null): Promise<{ locked: boolean }> {
  const { documentName } = await assertNotesModerator(identity, sessionId, groupId);
  await setNotesLockedRow(documentName, sessionId, locked);
  await notesHooks()?.relock(documentName);
  return { locked };
}

import type { Hocuspocus } from '@hocuspocus/server';
import type { NotesContext } from './authenticate';

/**
 * What Next's route handlers ask of the notes server running in the same process (lock, restore),
 * without importing it into the Next bundle: `attachNotes` installs these on start-up.
 */
export type NotesHooks = {
  hocuspocus: Hocuspocus<NotesContext>;
  /** The lock of a document changed: open connections follow, in every process. */
  relock: (documentName: string) => Promise<void>;
};

const g = globalThis as unknown as { __cheminsNotes?: NotesHooks };

export function installNotesHooks(hooks: NotesHooks | undefined): void {
  g.__cheminsNotes = hooks;
}

export function notesHooks(): NotesHooks | undefined {
  return g.__cheminsNotes;
}

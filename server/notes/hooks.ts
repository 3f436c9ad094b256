/**
 * What Next's route handlers ask of the notes server running in the same process (lock, restore),
 * without importing it (nor Yjs: the documents are the Node server's, and a second copy of Yjs in
 * Next's bundle could not edit them) into the Next bundle: `attachNotes` installs these on start-up.
 */
export type NotesHooks = {
  /** The lock of a document changed: open connections follow, in every process. */
  relock: (documentName: string) => Promise<void>;
  /**
   * Replaces the document's content by the content the given updates make (a history point), as
   * one new change every editor converges on; returns that change (to record in the history).
   */
  replaceContent: (documentName: string, updates: Uint8Array[]) => Promise<Uint8Array>;
};

const g = globalThis as unknown as { __cheminsNotes?: NotesHooks };

export function installNotesHooks(hooks: NotesHooks | undefined): void {
  g.__cheminsNotes = hooks;
}

export function notesHooks(): NotesHooks | undefined {
  return g.__cheminsNotes;
}

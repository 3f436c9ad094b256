import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { loadNotes } from '@/db/queries/notes/notes';
import { NOTES_FRAGMENT, notesDocumentName } from '@/lib/domain/notes';
import { notesExtensions, notesMarkdown, notesText } from '@/lib/domain/notes-content';

export type NotesContent = { json: JSONContent; html: string; markdown: string; text: string; empty: boolean };

/** A Yjs document's notes as ProseMirror JSON, through the notes' schema (what it does not know is left out). */
export function notesJson(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(NOTES_FRAGMENT), getSchema(notesExtensions())).toJSON() as JSONContent;
}

/**
 * A session's notes (or a breakout group's, `groupId`) as stored, every acknowledged update
 * included: JSON, HTML (for the page without JavaScript, and the meeting report), Markdown and
 * plain text. Read from the database, so any process answers the same. No access check: callers
 * check who asks (server/notes/access.ts).
 */
export async function notesOf(sessionId: string, groupId?: string | null): Promise<NotesContent> {
  const stored = await loadNotes(notesDocumentName(sessionId, groupId));
  const doc = new Y.Doc();
  if (stored.updates.length) Y.applyUpdate(doc, Y.mergeUpdates(stored.updates));
  const json = notesJson(doc);
  doc.destroy();
  const text = notesText(json);
  return { json, html: generateHTML(json, notesExtensions()), markdown: notesMarkdown(json), text, empty: text.trim() === '' };
}

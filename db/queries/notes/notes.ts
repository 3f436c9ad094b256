import { and, asc, desc, eq, gt, lte, max, sql } from 'drizzle-orm';
import { getDb } from '../../client';
import { sessionNotes, sessionNoteUpdates } from '../../schema';

/**
 * The queries of the shared notes (server/notes): a document's stored state, its lock, and its
 * history (every accepted update with its author). SQL only; the rules are in lib/domain/notes.ts.
 */

export type StoredNotes = {
  /** The compacted state, then the updates that may not be in it yet (apply all: Yjs updates are idempotent). */
  updates: Buffer[];
  locked: boolean;
};

/** A document as stored: its compacted state and the later updates; empty for a document never written. */
export async function loadNotes(documentName: string): Promise<StoredNotes> {
  const db = await getDb();
  const [row] = await db.select().from(sessionNotes).where(eq(sessionNotes.documentName, documentName));
  const later = await db
    .select({ update: sessionNoteUpdates.update })
    .from(sessionNoteUpdates)
    .where(and(eq(sessionNoteUpdates.documentName, documentName), gt(sessionNoteUpdates.id, row?.stateThrough ?? 0)))
    .orderBy(asc(sessionNoteUpdates.id));
  return { updates: [...(row?.state ? [row.state] : []), ...later.map((u) => u.update)], locked: row?.locked ?? false };
}

/**
 * Stores the compacted state. `stateThrough` is set to the last update older than `settledMs`:
 * an update another process accepted a moment ago may not have reached this one's copy yet, so
 * the newest ones are applied again on load (harmless: the state already holds most of them).
 */
export async function storeNotesState(documentName: string, sessionId: string, state: Uint8Array, settledMs = 60_000): Promise<void> {
  const db = await getDb();
  const [through] = await db
    .select({ id: max(sessionNoteUpdates.id) })
    .from(sessionNoteUpdates)
    .where(and(eq(sessionNoteUpdates.documentName, documentName), lte(sessionNoteUpdates.at, new Date(Date.now() - settledMs))));
  const stateThrough = through?.id ?? 0;
  await db
    .insert(sessionNotes)
    .values({ documentName, sessionId, state: Buffer.from(state), stateThrough })
    .onConflictDoUpdate({
      target: sessionNotes.documentName,
      set: { state: Buffer.from(state), stateThrough: sql`greatest(${sessionNotes.stateThrough}, ${stateThrough})`, updatedAt: new Date() },
    });
}

/** One accepted update and its author; returns its id (a history point). */
export async function appendNoteUpdate(u: { documentName: string; sessionId: string; actorKey: string; authorName: string; update: Uint8Array }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .insert(sessionNoteUpdates)
    .values({ ...u, update: Buffer.from(u.update) })
    .returning({ id: sessionNoteUpdates.id });
  return row!.id;
}

export type NoteHistoryEntry = { id: number; actorKey: string; authorName: string; at: Date; until: Date; updates: number; bytes: number };

/**
 * The history, newest first: one entry per author and minute (typing sends an update per
 * keystroke); `id` is the entry's last update, the point a restore goes back to.
 */
export async function listNoteHistory(documentName: string, limit = 200): Promise<NoteHistoryEntry[]> {
  const db = await getDb();
  const minute = sql`date_trunc('minute', ${sessionNoteUpdates.at})`;
  const rows = await db
    .select({
      id: max(sessionNoteUpdates.id),
      actorKey: sessionNoteUpdates.actorKey,
      authorName: sql<string>`max(${sessionNoteUpdates.authorName})`,
      at: sql<Date>`min(${sessionNoteUpdates.at})`.mapWith((v: string | Date) => new Date(v)),
      until: sql<Date>`max(${sessionNoteUpdates.at})`.mapWith((v: string | Date) => new Date(v)),
      updates: sql<number>`count(*)`.mapWith(Number),
      bytes: sql<number>`sum(octet_length(${sessionNoteUpdates.update}))`.mapWith(Number),
    })
    .from(sessionNoteUpdates)
    .where(eq(sessionNoteUpdates.documentName, documentName))
    .groupBy(sessionNoteUpdates.actorKey, minute)
    .orderBy(desc(max(sessionNoteUpdates.id)))
    .limit(limit);
  return rows.map((r) => ({ ...r, id: r.id ?? 0 }));
}

/** Every update of a document up to a history point (inclusive), in order: replayed, the document as it was then. Null when the point is not this document's. */
export async function noteUpdatesThrough(documentName: string, entryId: number): Promise<Buffer[] | null> {
  const db = await getDb();
  const [point] = await db
    .select({ id: sessionNoteUpdates.id })
    .from(sessionNoteUpdates)
    .where(and(eq(sessionNoteUpdates.documentName, documentName), eq(sessionNoteUpdates.id, entryId)));
  if (!point) return null;
  const rows = await db
    .select({ update: sessionNoteUpdates.update })
    .from(sessionNoteUpdates)
    .where(and(eq(sessionNoteUpdates.documentName, documentName), lte(sessionNoteUpdates.id, entryId)))
    .orderBy(asc(sessionNoteUpdates.id));
  return rows.map((r) => r.update);
}

/** Is the document locked (only moderators write)? */
export async function notesLocked(documentName: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ locked: sessionNotes.locked }).from(sessionNotes).where(eq(sessionNotes.documentName, documentName));
  return row?.locked ?? false;
}

/** Locks or unlocks a document (its row is made if it was never stored). */
export async function setNotesLockedRow(documentName: string, sessionId: string, locked: boolean): Promise<void> {
  const db = await getDb();
  await db
    .insert(sessionNotes)
    .values({ documentName, sessionId, locked })
    .onConflictDoUpdate({ target: sessionNotes.documentName, set: { locked, updatedAt: new Date() } });
}

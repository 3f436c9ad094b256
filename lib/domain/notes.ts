import { z } from 'zod';
import '../zod-browser';
import { UUID_SOURCE } from '../uuid';
import { uuidSchema } from '../validation';
import { mayRead, mayWrite } from './live';
import type { Grant } from '../policy';

/**
 * Shared notes of a session (issue 31): the rules, pure. The server is server/notes; the wire
 * protocol is Hocuspocus's at `/api/notes` (docs/architecture.md, "Shared notes").
 */

/** The path of the notes' WebSocket (Hocuspocus protocol), on the app's port. */
export const NOTES_PATH = '/api/notes';

/** Is this upgrade request's URL the notes' WebSocket? */
export const isNotesUrl = (url: string | undefined) => {
  const path = (url ?? '').split('?')[0]!;
  return path === NOTES_PATH || path.startsWith(`${NOTES_PATH}/`);
};

/** The Yjs XmlFragment the rich text lives in (Tiptap's default). */
export const NOTES_FRAGMENT = 'default';

/** Limits (docs/security.md, "Shared notes"). */
export const NOTES_LIMITS = {
  /** One WebSocket message (ws `maxPayload`): bigger is refused and the connection closed. */
  messageBytes: 256 * 1024,
  /** A document's state: an update that would make it bigger is refused. */
  documentBytes: 2 * 1024 * 1024,
  /** Updates a connection may send per second, on average (a burst of `burst` allowed). */
  updatesPerSecond: 40,
  burst: 200,
  /** How long a notes token lasts. */
  tokenSeconds: 600,
} as const;

export type NotesDocument = { name: string; sessionId: string; groupId: string | null };

const DOCUMENT = new RegExp(`^session:(${UUID_SOURCE})(?::group:(${UUID_SOURCE}))?$`);

/** `session:{uuid}` or `session:{uuid}:group:{uuid}` (lower-case ids), else null: no other document exists. */
export function parseNotesDocument(name: unknown): NotesDocument | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const m = DOCUMENT.exec(name);
  return m ? { name, sessionId: m[1]!, groupId: m[2] ?? null } : null;
}

/** The document name of a session's notes, or of one of its breakout groups. */
export const notesDocumentName = (sessionId: string, groupId?: string | null) => (groupId ? `session:${sessionId}:group:${groupId}` : `session:${sessionId}`);

/** What a person may do with a notes document. */
export type NotesAccess = 'write' | 'read' | 'none';

/**
 * The one rule: readers are those who may read the live rooms (`mayRead`), writers those who may
 * write there (`mayWrite`: registrants, staff, guests where the session admits them); a locked
 * document is read-only for everyone but its moderators (the session's moderators, its event's
 * organizers, admins). Banned people do not read.
 */
export function notesAccess(a: {
  bannedAt: Date | null;
  session: { id: string; eventId: string; visibility: string; guestsWrite: boolean };
  grants: readonly Grant[];
  seat: string | null;
  actorKey: string | null;
  registered: boolean;
  role: string;
  roomAdmitted?: boolean;
  isModerator: boolean;
  locked: boolean;
}): NotesAccess {
  if (!mayRead(a)) return 'none';
  if (a.isModerator && a.actorKey) return 'write';
  if (a.locked) return 'read';
  return mayWrite(a) ? 'write' : 'read';
}

/** A connection's update allowance: `NOTES_LIMITS.updatesPerSecond` on average, bursts of `burst`. */
export type UpdateBucket = { tokens: number; at: number };

/** Takes one update from the bucket (a new one, `at` 0, starts full); false when it is empty. */
export function takeUpdateToken(bucket: UpdateBucket, now: number): boolean {
  const { updatesPerSecond, burst } = NOTES_LIMITS;
  bucket.tokens = bucket.at === 0 ? burst : Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * updatesPerSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** `POST …/notes/lock`'s body. */
export const notesLockRequest = z.object({ locked: z.boolean(), groupId: uuidSchema.optional() }).strict();

/** `POST …/notes/restore`'s body: the history point to go back to. */
export const notesRestoreRequest = z.object({ entryId: z.number().int().positive(), groupId: uuidSchema.optional() }).strict();

/** The query of the notes' reads (`notes.md`, history): a breakout group's notes instead of the session's. */
export const notesQuery = z.object({ group: uuidSchema.optional() });

import { parse as parseCookie } from 'cookie';
import { currentIdentity, type Identity, identityOfRef } from '@/db/queries/identity';
import { sessionAccess } from '@/db/queries/live';
import { notesLocked } from '@/db/queries/notes/notes';
import { config } from '@/lib/config';
import { guestName } from '@/lib/domain/live';
import { type NotesAccess, notesAccess, parseNotesDocument, type UpdateBucket } from '@/lib/domain/notes';
import { GUEST_COOKIE, guestSecret, verifyGuestToken } from '../auth/guest';
import { identityOfCredentials } from '../auth/principal';
import { verifyNotesToken } from './token';

/** Who holds a notes connection, and what they may do (kept as the Hocuspocus connection's context). */
export type NotesContext = {
  documentName: string;
  sessionId: string;
  groupId: string | null;
  /** The person's key in live rooms (`user:…`, `registration:…`, `guest:…`), null for a guest who only reads. */
  actorKey: string | null;
  authorName: string;
  /** May write while the notes are unlocked. */
  writer: boolean;
  /** May write even when they are locked (and lock, unlock, restore). */
  moderator: boolean;
  /** Updates allowed now (token bucket) and when it was last filled. */
  bucket: UpdateBucket;
  /** Closes the WebSocket itself (set by the server for each socket): a hostile message ends the whole socket, not one document's connection. */
  closeSocket?: (code: number, reason: string) => void;
};

/** A refusal at authentication: Hocuspocus answers `permission-denied` with this reason and closes. */
export class NotesRefusal extends Error {
  constructor(readonly reason: 'not_found' | 'unauthenticated' | 'forbidden' | 'banned') {
    super(reason);
  }
}

const GUEST_LABEL = 'Invité·e';

/**
 * The one decision at a notes connection: the document must be a session's (or one of its
 * groups'); the token, when one is given, must be a personal link's or a notes token of this
 * session (else refused: a bad token never falls back to cookies); without one, the browser's
 * cookies (sign-in, personal link, guest). Then `notesAccess` (lib/domain/notes.ts) over the live
 * rooms' access says write, read or nothing.
 */
export async function authenticateNotes(documentName: string, token: string, cookieHeader: string | null): Promise<{ context: NotesContext; access: NotesAccess }> {
  const doc = parseNotesDocument(documentName);
  if (!doc) throw new NotesRefusal('not_found');
  let identity: Identity | null;
  if (token) {
    const signed = verifyNotesToken(token, doc.sessionId);
    identity = signed ? await identityOfRef(signed) : await identityOfCredentials({ token });
    if (!identity) throw new NotesRefusal('unauthenticated');
  } else {
    identity = await identityOfCredentials({ cookie: cookieHeader ?? undefined });
  }
  identity = await currentIdentity(identity);
  const guest = identity ? null : verifyGuestToken(parseCookie(cookieHeader ?? '')[GUEST_COOKIE], guestSecret(config()));
  const a = await sessionAccess(identity, doc.sessionId, { key: guest ? `guest:${guest.id}` : null, rooms: guest?.rooms });
  if (!a) throw new NotesRefusal('not_found');
  if (a.bannedAt) throw new NotesRefusal('banned');
  const locked = await notesLocked(doc.name);
  const access = notesAccess({ ...a, locked });
  if (access === 'none') throw new NotesRefusal('forbidden');
  const unlocked = notesAccess({ ...a, locked: false });
  return {
    access,
    context: {
      documentName: doc.name,
      sessionId: doc.sessionId,
      groupId: doc.groupId,
      actorKey: a.actorKey,
      authorName: identity?.name ?? (a.actorKey ? guestName(a.actorKey, GUEST_LABEL, guest?.name) : GUEST_LABEL),
      writer: unlocked === 'write',
      moderator: a.isModerator && a.actorKey !== null,
      bucket: { tokens: 0, at: 0 },
    },
  };
}

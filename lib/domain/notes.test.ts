import { describe, expect, it } from 'vitest';
import type { Grant } from '../policy';
import { isNotesUrl, NOTES_LIMITS, notesAccess, notesDocumentName, parseNotesDocument, takeUpdateToken } from './notes';

const S = '11111111-1111-4111-8111-111111111111';
const G = '22222222-2222-4222-8222-222222222222';

describe('notes documents', () => {
  it('are a session’s or one of its groups’, nothing else', () => {
    expect(parseNotesDocument(`session:${S}`)).toEqual({ name: `session:${S}`, sessionId: S, groupId: null });
    expect(parseNotesDocument(`session:${S}:group:${G}`)).toEqual({ name: `session:${S}:group:${G}`, sessionId: S, groupId: G });
    for (const bad of ['', 'session:', `session:${S}:`, `session:${S}:group:`, `event:${S}`, `session:${S}:group:${G}:x`, ` session:${S}`, 'session:not-a-uuid', 42, null]) {
      expect(parseNotesDocument(bad)).toBeNull();
    }
    expect(notesDocumentName(S)).toBe(`session:${S}`);
    expect(notesDocumentName(S, G)).toBe(`session:${S}:group:${G}`);
  });

  it('are served at /api/notes only', () => {
    expect(isNotesUrl('/api/notes')).toBe(true);
    expect(isNotesUrl('/api/notes?x=1')).toBe(true);
    expect(isNotesUrl('/api/notes/session')).toBe(true);
    expect(isNotesUrl('/api/notesx')).toBe(false);
    expect(isNotesUrl('/socket.io/')).toBe(false);
    expect(isNotesUrl(undefined)).toBe(false);
  });
});

describe('who may read and write the notes', () => {
  const session = { id: S, eventId: 'e1', visibility: 'public', guestsWrite: false };
  const base = { bannedAt: null, session, grants: [] as Grant[], seat: null, actorKey: 'registration:r1', registered: true, role: 'participant', isModerator: false, locked: false };
  const moderatorGrants: Grant[] = [{ role: 'moderator', eventId: 'e1', sessionId: null, pathId: null }] as unknown as Grant[];

  it('follows the live rooms: registrants write, others read, guests write where the session admits them', () => {
    expect(notesAccess(base)).toBe('write');
    expect(notesAccess({ ...base, registered: false })).toBe('read'); // signed in, not registered
    expect(notesAccess({ ...base, actorKey: null, role: 'guest', registered: false })).toBe('read');
    expect(notesAccess({ ...base, actorKey: 'guest:x', role: 'guest', registered: false, session: { ...session, guestsWrite: true } })).toBe('write');
    expect(notesAccess({ ...base, actorKey: 'guest:x', role: 'guest', registered: false, roomAdmitted: true })).toBe('write');
  });

  it('refuses the banned, and strangers to a session by invitation', () => {
    expect(notesAccess({ ...base, bannedAt: new Date() })).toBe('none');
    const invitation = { ...session, visibility: 'invitation' };
    expect(notesAccess({ ...base, session: invitation })).toBe('none');
    expect(notesAccess({ ...base, session: invitation, seat: 'confirmed' })).toBe('write');
  });

  it('locked: only moderators write', () => {
    expect(notesAccess({ ...base, locked: true })).toBe('read');
    expect(notesAccess({ ...base, locked: true, isModerator: true, grants: moderatorGrants, role: 'moderator', actorKey: 'user:m' })).toBe('write');
    // A moderator needs a key (a sign-in) to write.
    expect(notesAccess({ ...base, locked: true, isModerator: true, actorKey: null, role: 'guest', registered: false })).toBe('read');
  });
});

describe('updates per connection', () => {
  it('allows a burst, then the average rate', () => {
    const bucket = { tokens: 0, at: 0 };
    const t0 = 1_000_000;
    let taken = 0;
    while (takeUpdateToken(bucket, t0)) taken++;
    expect(taken).toBe(NOTES_LIMITS.burst);
    expect(takeUpdateToken(bucket, t0 + 10)).toBe(false);
    // One second later: about a second's worth again.
    taken = 0;
    while (takeUpdateToken(bucket, t0 + 1000)) taken++;
    expect(taken).toBe(NOTES_LIMITS.updatesPerSecond);
  });
});

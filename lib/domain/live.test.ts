import { describe, expect, it } from 'vitest';
import {
  canSee,
  guestActorKey,
  guestName,
  guestRequest,
  linkParts,
  mayWrite,
  mentionsModerators,
  type QuestionRow,
  questionView,
  roomAdmitsGuests,
  shortCodeOf,
  sortQuestions,
} from './live';

const q = (over: Partial<QuestionRow> = {}): QuestionRow => ({
  id: 'q1',
  sessionId: 's1',
  body: 'Qui finance ?',
  authorKey: 'registration:a',
  authorName: 'Alice',
  anonymous: false,
  status: 'visible',
  onAir: false,
  votes: 0,
  createdAt: new Date('2026-11-23T10:00:00Z'),
  ...over,
});

describe('question views', () => {
  it('hides anonymous authors from the audience only', () => {
    const anon = q({ anonymous: true });
    expect(questionView(anon, { actorKey: 'user:b', isModerator: false })).toMatchObject({ authorName: null, authorId: null });
    expect(questionView(anon, { actorKey: null, isModerator: true })).toMatchObject({ authorName: 'Alice', authorId: 'registration:a' });
    expect(questionView(anon, { actorKey: 'registration:a', isModerator: false })).toMatchObject({ authorName: 'Alice' });
    expect(questionView(q(), { actorKey: null, isModerator: false }).authorName).toBe('Alice');
  });

  it('shows pending questions to moderators and their author, dismissed ones to moderators', () => {
    const audience = { actorKey: 'user:b', isModerator: false };
    expect(canSee(q({ status: 'pending' }), audience)).toBe(false);
    expect(canSee(q({ status: 'pending' }), { actorKey: 'registration:a', isModerator: false })).toBe(true);
    expect(canSee(q({ status: 'dismissed' }), { actorKey: 'registration:a', isModerator: false })).toBe(false);
    expect(canSee(q({ status: 'dismissed' }), { actorKey: null, isModerator: true })).toBe(true);
    expect(canSee(q({ status: 'answered' }), { actorKey: null, isModerator: false })).toBe(true);
  });

  it('sorts on air first, then by votes (older first on ties) or newest first', () => {
    const list = [
      { id: 'a', onAir: false, votes: 2, createdAt: '2026-11-23T10:00:00Z' },
      { id: 'b', onAir: false, votes: 5, createdAt: '2026-11-23T10:05:00Z' },
      { id: 'c', onAir: true, votes: 0, createdAt: '2026-11-23T10:01:00Z' },
      { id: 'd', onAir: false, votes: 2, createdAt: '2026-11-23T09:00:00Z' },
    ];
    expect(sortQuestions(list, 'votes').map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortQuestions(list, 'time').map((x) => x.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('chat text', () => {
  it('turns http(s) URLs into links and leaves everything else as text', () => {
    expect(linkParts('voir https://example.org/a?b=1, et www.example.org.')).toEqual([
      { kind: 'text', text: 'voir ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: ', et ' },
      { kind: 'link', text: 'www.example.org', href: 'http://www.example.org' },
      { kind: 'text', text: '.' },
    ]);
    expect(linkParts('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
    expect(linkParts('javascript:alert(1) mailto:x@y.fr').every((p) => p.kind === 'text')).toBe(true);
  });

  it('recognises calls to the moderators', () => {
    for (const s of ['@modération une coquille', 'merci @moderators!', '(@mods)', '@Modérateurs ?', '@moderation']) {
      expect(mentionsModerators(s)).toBe(true);
    }
    for (const s of ['mail@moderation.fr', '@modulation', 'modération']) expect(mentionsModerators(s)).toBe(false);
  });

  it('gives sessions a short code for the projector URL', () => {
    expect(shortCodeOf('7f559238-062e-491b-90b5-dd56d82535a5')).toBe('7f559238');
  });
});

describe('who may write (Q&A, chat and polls)', () => {
  const guestKey = 'guest:0f8fad5b-d9cb-469f-a165-70867728950e';
  const open = { guestsWrite: true };
  const closed = { guestsWrite: false };
  it('lets guests write only where the session allows it, under their browser’s guest key', () => {
    expect(guestActorKey(open, guestKey)).toBe(guestKey);
    expect(guestActorKey(closed, guestKey)).toBeNull();
    expect(guestActorKey(open, null)).toBeNull();
    expect(guestActorKey(open, 'guest:AbCdEf123')).toBeNull();
    expect(guestActorKey(open, 'user:someone')).toBeNull();
    expect(mayWrite({ actorKey: guestKey, registered: false, role: 'guest', session: open })).toBe(true);
    expect(mayWrite({ actorKey: guestKey, registered: false, role: 'guest', session: closed })).toBe(false);
    expect(mayWrite({ actorKey: null, registered: false, role: 'guest', session: open })).toBe(false);
  });
  it('lets registrants and staff write, not unregistered participants (whatever the guest setting)', () => {
    expect(mayWrite({ actorKey: 'registration:r', registered: true, role: 'participant', session: closed })).toBe(true);
    expect(mayWrite({ actorKey: 'user:u', registered: false, role: 'speaker', session: closed })).toBe(true);
    expect(mayWrite({ actorKey: 'user:u', registered: false, role: 'participant', session: open })).toBe(false);
  });
  it('names a guest with a short tag, and with the first name they gave beside it', () => {
    expect(guestName(guestKey, 'Invité·e')).toBe('Invité·e 0f8f');
    expect(guestName(guestKey, 'Invité·e', 'Camille')).toBe('Camille (invité·e 0f8f)');
  });
  it('lets the room’s QR code admit guests by the session’s mode, unless the organizer decided, never by invitation', () => {
    const s = (mode: string, roomQrGuests: boolean | null, visibility = 'public') => ({ mode, visibility, roomQrGuests });
    expect(roomAdmitsGuests(s('onsite', null))).toBe(true);
    expect(roomAdmitsGuests(s('hybrid', null))).toBe(true);
    expect(roomAdmitsGuests(s('online', null))).toBe(false);
    expect(roomAdmitsGuests(s('onsite', false))).toBe(false);
    expect(roomAdmitsGuests(s('online', true))).toBe(true);
    expect(roomAdmitsGuests(s('onsite', true, 'invitation'))).toBe(false);
  });
  it('lets whoever the room admitted write in that session: a guest under their key, a signed-in person as themselves', () => {
    expect(guestActorKey(closed, guestKey, true)).toBe(guestKey);
    expect(guestActorKey(closed, 'guest:AbCdEf123', true)).toBeNull();
    expect(mayWrite({ actorKey: guestKey, registered: false, role: 'guest', roomAdmitted: true, session: closed })).toBe(true);
    expect(mayWrite({ actorKey: 'user:u', registered: false, role: 'participant', roomAdmitted: true, session: closed })).toBe(true);
    expect(mayWrite({ actorKey: null, registered: false, role: 'guest', roomAdmitted: true, session: closed })).toBe(false);
  });
  it('takes from the room’s QR code a session code and an optional first name, nothing else', () => {
    expect(guestRequest.parse({})).toEqual({});
    expect(guestRequest.parse({ room: '0f8fad5b', name: '  Camille ' })).toEqual({ room: '0f8fad5b', name: 'Camille' });
    expect(guestRequest.parse({ room: '0f8fad5b', name: '  ' })).toEqual({ room: '0f8fad5b' });
    for (const bad of [{ room: 'zz' }, { name: 'Camille' }, { room: '0f8fad5b', name: 'x'.repeat(41) }, { room: '0f8fad5b', name: 'a\u202eb' }, { id: 'x' }]) {
      expect(guestRequest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUEST_KEY } from '@/lib/domain/live';
import {
  DEV_GUEST_SECRET,
  GUEST_DAYS,
  GUEST_ROOMS_MAX,
  guestCookie,
  guestSecret,
  newGuestIdentity,
  renewedGuestIdentity,
  signGuestToken,
  verifyGuestToken,
} from './guest';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = Date.parse('2026-05-01T10:00:00Z');

describe('server-issued guest identities', () => {
  it('verifies a token it signed, and the id is a guest key', () => {
    const identity = newGuestIdentity(NOW);
    expect(identity.exp).toBe(NOW / 1000 + GUEST_DAYS * 86_400);
    expect(verifyGuestToken(signGuestToken(identity, SECRET), SECRET, NOW)).toEqual(identity);
    expect(GUEST_KEY.test(`guest:${identity.id}`)).toBe(true);
    expect(newGuestIdentity(NOW).id).not.toBe(identity.id);
  });

  it('keeps the first name and the rooms a room’s QR code admitted, signed; renewing keeps them, entering a room adds it last', () => {
    const rooms = Array.from({ length: GUEST_ROOMS_MAX }, () => crypto.randomUUID());
    let identity = renewedGuestIdentity(null, NOW, { sessionId: rooms[0]!, name: 'Camille' });
    expect(identity).toMatchObject({ name: 'Camille', rooms: [rooms[0]] });
    for (const r of rooms.slice(1)) identity = renewedGuestIdentity(identity, NOW, { sessionId: r });
    expect(identity.rooms).toEqual(rooms);
    expect(identity.name).toBe('Camille');
    // Entering a room again moves it last; one more forgets the oldest.
    identity = renewedGuestIdentity(identity, NOW, { sessionId: rooms[0]! });
    expect(identity.rooms).toEqual([...rooms.slice(1), rooms[0]]);
    const extra = crypto.randomUUID();
    identity = renewedGuestIdentity(identity, NOW + 1000, { sessionId: extra, name: 'Cam' });
    expect(identity.rooms).toHaveLength(GUEST_ROOMS_MAX);
    expect(identity.rooms!.at(-1)).toBe(extra);
    expect(identity.rooms).not.toContain(rooms[1]);
    expect(identity.name).toBe('Cam');
    const token = signGuestToken(identity, SECRET);
    expect(verifyGuestToken(token, SECRET, NOW)).toEqual(identity);
    expect(renewedGuestIdentity(verifyGuestToken(token, SECRET, NOW), NOW + 5000)).toMatchObject({ id: identity.id, name: 'Cam', rooms: identity.rooms });
    // A room added by the client under the old signature is no identity.
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), rooms: [crypto.randomUUID()] })).toString('base64url');
    expect(verifyGuestToken(`${forged}.${signature}`, SECRET, NOW)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const token = signGuestToken(newGuestIdentity(NOW), SECRET);
    expect(verifyGuestToken(token, 'another-secret-of-enough-length', NOW)).toBeNull();
  });

  it('refuses a tampered token: another id under the same signature, or a changed signature', () => {
    const mine = signGuestToken(newGuestIdentity(NOW), SECRET);
    const theirs = newGuestIdentity(NOW);
    const [, signature] = mine.split('.');
    const payload = Buffer.from(JSON.stringify(theirs)).toString('base64url');
    expect(verifyGuestToken(`${payload}.${signature}`, SECRET, NOW)).toBeNull();
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    expect(verifyGuestToken(`${mine.split('.')[0]}.${flipped}`, SECRET, NOW)).toBeNull();
  });

  it('refuses an HMAC of the payload alone (signed for another purpose with the same secret)', () => {
    const payload = Buffer.from(JSON.stringify(newGuestIdentity(NOW))).toString('base64url');
    const bare = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(verifyGuestToken(`${payload}.${bare}`, SECRET, NOW)).toBeNull();
  });

  it('refuses malformed tokens: a bare id, empty parts, bad JSON, a payload that is not an identity', () => {
    const id = newGuestIdentity(NOW).id;
    const signed = (payload: string) => `${payload}.${createHmac('sha256', SECRET).update(`chemins-guest-v1.${payload}`).digest('base64url')}`;
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    for (const token of [
      id,
      '',
      '.',
      `${b64({ id, exp: 1 })}.`,
      'a.b.c',
      'x'.repeat(600),
      signed(b64('not json')),
      signed(b64({ id: 'user:1', exp: NOW / 1000 + 60 })),
      signed(b64({ id: '00000000-0000-0000-0000-000000000000', exp: NOW / 1000 + 60 })),
      signed(b64({ id })),
      signed(b64([id])),
    ]) {
      expect(verifyGuestToken(token, SECRET, NOW), token).toBeNull();
    }
    expect(verifyGuestToken(undefined, SECRET, NOW)).toBeNull();
    // The helper signs like the module does: a well-formed payload passes.
    expect(verifyGuestToken(signed(b64({ id, exp: NOW / 1000 + 60 })), SECRET, NOW)).toEqual({ id, exp: NOW / 1000 + 60 });
  });

  it('refuses an expired token', () => {
    const identity = newGuestIdentity(NOW);
    const token = signGuestToken(identity, SECRET);
    expect(verifyGuestToken(token, SECRET, identity.exp * 1000 - 1)).not.toBeNull();
    expect(verifyGuestToken(token, SECRET, identity.exp * 1000)).toBeNull();
  });

  it('signs with NEXTAUTH_SECRET, a development secret without it, and never without it in production', () => {
    expect(guestSecret({ NEXTAUTH_SECRET: SECRET, NODE_ENV: 'production' })).toBe(SECRET);
    expect(guestSecret({ NEXTAUTH_SECRET: undefined, NODE_ENV: 'development' })).toBe(DEV_GUEST_SECRET);
    expect(() => guestSecret({ NEXTAUTH_SECRET: undefined, NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET/);
  });

  it('keeps the token in an httpOnly, SameSite=Lax cookie', () => {
    expect(guestCookie('t', true)).toMatchObject({ name: 'chemins-guest', value: 't', httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: GUEST_DAYS * 86_400 });
  });
});

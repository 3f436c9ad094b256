import { describe, expect, it } from 'vitest';
import { isVenueIdentity, venueIdentityOf, venueInputRequest, venueOfIdentity, venueTokenTtlSeconds, whipUrlOf } from './venue-inputs';

const id = '3f1e2d4c-5b6a-4789-8abc-def012345678';

describe('venue inputs', () => {
  it('names the token’s participant with the input and its version, and reads it back', () => {
    expect(venueIdentityOf(id, 3)).toBe(`venue:${id}:3`);
    expect(venueOfIdentity(venueIdentityOf(id, 3))).toEqual({ id, version: 3 });
    expect(isVenueIdentity(venueIdentityOf(id, 1))).toBe(true);
    for (const other of ['user:abc', `venue:${id}`, `venue:${id}:0`, `venue:${id}:x`, `venue:nope:1`, `xvenue:${id}:1`]) expect(venueOfIdentity(other), other).toBeNull();
    expect(isVenueIdentity('user:venue')).toBe(false);
  });

  it('takes a room name, trimmed, neither empty nor too long nor with control characters', () => {
    expect(venueInputRequest.parse({ name: '  Salle Auditorium ' })).toEqual({ name: 'Salle Auditorium' });
    for (const name of ['', '   ', 'x'.repeat(81), 'a\u0000b', 42]) expect(venueInputRequest.safeParse({ name }).success, String(name)).toBe(false);
    expect(venueInputRequest.safeParse({ name: 'ok', extra: 1 }).success).toBe(false);
  });

  it('lasts through the event’s days: a day past the session’s end, at least a day, at most 30 days', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(venueTokenTtlSeconds(new Date('2026-12-07T12:00:00Z'), now)).toBe(26 * 3600);
    expect(venueTokenTtlSeconds(new Date('2026-12-01T12:00:00Z'), now)).toBe(24 * 3600);
    expect(venueTokenTtlSeconds(new Date('2027-06-01T12:00:00Z'), now)).toBe(30 * 24 * 3600);
  });

  it('points to LiveKit’s WHIP endpoint on its public address', () => {
    expect(whipUrlOf('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880/whip/v1');
    expect(whipUrlOf('wss://video.example.org/')).toBe('https://video.example.org/whip/v1');
  });
});

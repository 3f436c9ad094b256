import { describe, expect, it } from 'vitest';
import { registrationRequest, seatFor } from './registration';

describe('seatFor', () => {
  it('confirms while seats remain, then waitlists; unlimited never waitlists', () => {
    expect(seatFor(2, 0)).toBe('confirmed');
    expect(seatFor(2, 1)).toBe('confirmed');
    expect(seatFor(2, 2)).toBe('waitlisted');
    expect(seatFor(null, 10_000)).toBe('confirmed');
  });
});

describe('registrationRequest', () => {
  it('needs a name, a valid e-mail and consent', () => {
    const r = registrationRequest.safeParse({ name: ' ', email: 'x', consent: false });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['consent', 'email', 'name']);
  });
  it('normalises and defaults', () => {
    expect(registrationRequest.parse({ name: 'Ana', email: 'ANA@Example.org', consent: true })).toEqual({
      name: 'Ana',
      email: 'ana@example.org',
      sessionIds: [],
      answers: {},
      consent: true,
    });
  });
  it('refuses unknown fields and malformed session ids', () => {
    expect(registrationRequest.safeParse({ name: 'A', email: 'a@b.org', consent: true, admin: true }).success).toBe(false);
    expect(registrationRequest.safeParse({ name: 'A', email: 'a@b.org', consent: true, sessionIds: ['1'] }).success).toBe(false);
  });
});

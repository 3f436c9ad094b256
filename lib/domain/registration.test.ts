import { describe, expect, it } from 'vitest';
import { registrationRequest } from './registration';

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
  it('refuses control characters (a NUL cannot be stored), keeps line breaks in text answers', () => {
    const base = { email: 'a@b.org', consent: true };
    const paths = (v: object) => registrationRequest.safeParse({ name: 'A', ...base, ...v }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ name: 'A\u0000B' })).toEqual(['name']);
    expect(paths({ answers: { why: 'x\u0000' } })).toEqual(['answers.why']);
    expect(paths({ answers: { why: ['ok', '\u0000'] } })).toEqual(['answers.why.1']);
    expect(paths({ invitationCode: 'AB\u0000' })).toEqual(['invitationCode']);
    expect(registrationRequest.parse({ name: 'A', ...base, answers: { why: 'one\ntwo\tthree' } }).answers).toEqual({ why: 'one\ntwo\tthree' });
  });
  it('refuses unknown fields and malformed session ids', () => {
    expect(registrationRequest.safeParse({ name: 'A', email: 'a@b.org', consent: true, admin: true }).success).toBe(false);
    expect(registrationRequest.safeParse({ name: 'A', email: 'a@b.org', consent: true, sessionIds: ['1'] }).success).toBe(false);
  });
});

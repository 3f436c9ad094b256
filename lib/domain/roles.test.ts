import { describe, expect, it } from 'vitest';
import { grantSchema } from './roles';

describe('grantSchema', () => {
  it('accepts a per-event role with its event and normalises the e-mail', () => {
    expect(grantSchema.parse({ email: ' Ana@Example.org ', role: 'moderator', eventSlug: 'edition-demo' })).toEqual({
      email: 'ana@example.org',
      role: 'moderator',
      eventSlug: 'edition-demo',
      sessionSlug: undefined,
      pathSlug: undefined,
    });
  });
  it('gives a speaker one session, a moderator one session or the whole event, and nobody else a session', () => {
    const at = (role: string, sessionSlug?: string) => grantSchema.safeParse({ email: 'a@b.org', role, eventSlug: 'e', sessionSlug });
    expect(at('speaker', 'ouverture').success).toBe(true);
    expect(at('speaker').error?.issues.map((i) => i.path[0])).toEqual(['sessionSlug']);
    expect(at('moderator', 'ouverture').success).toBe(true);
    expect(at('moderator').success).toBe(true);
    expect(at('organizer', 'ouverture').error?.issues.map((i) => i.path[0])).toEqual(['sessionSlug']);
  });
  it('refuses a per-event role without event, and a coordinator without path', () => {
    expect(grantSchema.safeParse({ email: 'a@b.org', role: 'organizer' }).success).toBe(false);
    const r = grantSchema.safeParse({ email: 'a@b.org', role: 'coordinator', eventSlug: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['eventSlug', 'pathSlug']);
  });
  it('refuses a malformed e-mail and unknown roles', () => {
    expect(grantSchema.safeParse({ email: 'not-an-email', role: 'admin' }).success).toBe(false);
    expect(grantSchema.safeParse({ email: 'a@b.org', role: 'king' }).success).toBe(false);
  });
});

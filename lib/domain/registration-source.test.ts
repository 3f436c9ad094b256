import { describe, expect, it } from 'vitest';
import { registrationRequest } from './registration';
import { isRegistrationSource, mailKindOf, sourceGroup, sourceLabel, viaMail } from './registration-source';

describe('registration sources', () => {
  it('knows the mail kinds and organizers’ slugs, nothing else', () => {
    expect(isRegistrationSource('mail:reminder_day')).toBe(true);
    expect(isRegistrationSource('newsletter-region-2026')).toBe(true);
    for (const bad of ['mail:nope', 'direct', 'UPPER', 'a'.repeat(41), 'x y', '=cmd()', '', 5, null]) expect(isRegistrationSource(bad)).toBe(false);
    expect(mailKindOf('mail:session_missed')).toBe('session_missed');
    expect(mailKindOf('session_missed')).toBeNull();
    expect(['mail:confirmation', 'partner', 'direct'].map(sourceGroup)).toEqual(['mail', 'link', 'direct']);
  });

  it('marks a mail’s links, with or without a query already', () => {
    expect(viaMail('https://x.test/events/e/sessions/s', 'reminder_day')).toBe('https://x.test/events/e/sessions/s?via=mail:reminder_day');
    expect(viaMail('https://x.test/events/e/register?session=1', 'session_missed')).toBe('https://x.test/events/e/register?session=1&via=mail:session_missed');
  });

  it('a registration request keeps a known source and drops any other, never refusing for it', () => {
    const base = { name: 'A', email: 'a@example.org', consent: true };
    expect(registrationRequest.parse({ ...base, source: 'mail:reminder_soon' }).source).toBe('mail:reminder_soon');
    for (const source of ['mail:unknown', '<script>', 42, { a: 1 }, 'DIRECT']) expect(registrationRequest.safeParse({ ...base, source })).toMatchObject({ success: true, data: { source: undefined } });
    expect(registrationRequest.parse(base).source).toBeUndefined();
  });

  it('reads a source in the reader’s words', () => {
    const t = (key: string, values?: Record<string, string>) => `${key}${values ? JSON.stringify(values) : ''}`;
    expect(sourceLabel('mail:replay_ready', t)).toBe('mail.replay_ready');
    expect(sourceLabel('partner', t)).toBe('link{"slug":"partner"}');
    expect(sourceLabel('direct', t)).toBe('direct');
  });
});

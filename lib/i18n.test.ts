import { describe, expect, it } from 'vitest';
import { pickLocale } from './i18n';

describe('pickLocale', () => {
  it('prefers the highest-ranked supported language', () => {
    expect(pickLocale('de-DE,en;q=0.8,fr;q=0.9')).toBe('fr');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
  });
  it('returns null when nothing is supported or the header is missing', () => {
    expect(pickLocale('de,es;q=0.5')).toBeNull();
    expect(pickLocale(undefined)).toBeNull();
    expect(pickLocale('fr;q=0')).toBeNull();
  });
});

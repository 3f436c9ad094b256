import { describe, expect, it } from 'vitest';
import { catalogue, localeOf } from './catalogue';

describe('localeOf', () => {
  const req = (headers: Record<string, string>) => new Request('http://127.0.0.1/api/feed.atom', { headers });
  it('takes the locale cookie first, else Accept-Language, else French — the pages’ rule', () => {
    expect(localeOf(req({ cookie: 'a=b; locale=en', 'accept-language': 'fr-FR' }))).toBe('en');
    expect(localeOf(req({ 'accept-language': 'de, en;q=0.8, fr;q=0.5' }))).toBe('en');
    expect(localeOf(req({ cookie: 'locale=de', 'accept-language': 'de' }))).toBe('fr');
    expect(localeOf(req({}))).toBe('fr');
  });

  it('translates with the catalogue of that language', () => {
    expect(catalogue('fr')('privacy.formerParticipant')).toBe('ancien·ne participant·e');
    expect(catalogue('en')('privacy.formerParticipant')).toBe('former participant');
  });
});

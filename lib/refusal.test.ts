import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { type CatalogueTranslator, refusalText } from './refusal';

const tr = (locale: 'fr' | 'en') => createTranslator({ locale, messages: locale === 'en' ? en : fr }) as unknown as CatalogueTranslator;

describe('refusalText: a refusal code as the reader’s text', () => {
  it('takes the page’s own text first, then the shared one', () => {
    expect(refusalText(tr('fr'), 'muted', 'live')).toBe(fr.live.errors.muted);
    expect(refusalText(tr('en'), 'muted', 'live')).toBe(en.live.errors.muted);
    expect(refusalText(tr('fr'), 'rate_limited', 'paths')).toBe(fr.paths.errors.rate_limited ?? fr.errors.rate_limited);
    expect(refusalText(tr('en'), 'payload_too_large', 'live')).toBe(en.errors.payload_too_large);
  });

  it('falls back to the generic text for an unknown or missing code, never to the code or an English message', () => {
    for (const locale of ['fr', 'en'] as const) {
      const generic = (locale === 'en' ? en : fr).errors.unknown;
      expect(refusalText(tr(locale), 'no_such_code_anywhere', 'live')).toBe(generic);
      expect(refusalText(tr(locale), 'no_such_code_anywhere')).toBe(generic);
      expect(refusalText(tr(locale), undefined, 'paths')).toBe(generic);
      // A code that names a namespace rather than a message is not a message either.
      expect(refusalText(tr(locale), 'errors')).toBe(generic);
    }
    expect(fr.errors.unknown).not.toBe(en.errors.unknown);
  });

  it('tries several namespaces in turn, and a namespace’s own generic text before the shared one', () => {
    for (const locale of ['fr', 'en'] as const) {
      const c = locale === 'en' ? en : fr;
      expect(refusalText(tr(locale), 'nothing_to_record', ['moderation', 'replays'])).toBe(c.moderation.errors.nothing_to_record);
      expect(refusalText(tr(locale), 'muted', ['moderation', 'live'])).toBe(c.live.errors.muted);
      expect(refusalText(tr(locale), 'already_recording', ['moderation', 'replays'])).toBe(c.errors.already_recording);
      // The moderators are the team: their fallback never tells them to warn the team.
      expect(refusalText(tr(locale), 'no_such_code_anywhere', ['moderation', 'live'])).toBe(c.moderation.errors.unknown);
      expect(c.moderation.errors.unknown).not.toBe(c.errors.unknown);
    }
    expect(fr.moderation.errors.unknown).not.toMatch(/prévenez l’équipe/);
  });
});

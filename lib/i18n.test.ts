import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { pickLocale, requestLocale } from './i18n';

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

describe('requestLocale: the chosen language (cookie), else the browser’s, else French', () => {
  it('takes the locale cookie first', () => {
    expect(requestLocale('a=1; locale=en; b=2', 'fr-FR')).toBe('en');
    expect(requestLocale('locale=fr', 'en-GB')).toBe('fr');
  });
  it('ignores an unknown cookie value and falls back to Accept-Language, then French', () => {
    expect(requestLocale('locale=de', 'en-US,en;q=0.9')).toBe('en');
    expect(requestLocale(null, 'de')).toBe('fr');
    expect(requestLocale(undefined, undefined)).toBe('fr');
  });
});

type Catalogue = { [key: string]: string | Catalogue };

/** Every message of a catalogue by its dotted key. */
function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments of a message, with their kind ("name:argument", "count:plural"…), sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument) found.add(`${e.value}:argument`);
      else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.add(`${e.value}:${TYPE[e.type]}`);
      else if (e.type === TYPE.plural || e.type === TYPE.select) {
        found.add(`${e.value}:${TYPE[e.type]}`);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.tag) {
        found.add(`<${e.value}>`);
        walk(e.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

describe('catalogues (messages/fr.json, messages/en.json)', () => {
  const frKeys = flatten(fr as Catalogue);
  const enKeys = flatten(en as Catalogue);

  it('have exactly the same keys', () => {
    expect([...enKeys.keys()].filter((k) => !frKeys.has(k)), 'in en.json only').toEqual([]);
    expect([...frKeys.keys()].filter((k) => !enKeys.has(k)), 'in fr.json only').toEqual([]);
  });

  it('have the same ICU placeholders (and tags) in each message', () => {
    const differ = [...frKeys].flatMap(([key, message]) => {
      const other = enKeys.get(key);
      if (other === undefined) return [];
      const a = placeholders(message);
      const b = placeholders(other);
      return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${key}: fr ${a.join(',')} / en ${b.join(',')}`];
    });
    expect(differ).toEqual([]);
  });

  it('have no empty message', () => {
    expect([...frKeys, ...enKeys].filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([]);
  });
});

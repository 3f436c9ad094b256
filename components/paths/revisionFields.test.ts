import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { diffSnapshots, SNAPSHOT_FIELDS } from '@/lib/domain/resources';
import type { CatalogueTranslator } from '@/lib/refusal';
import { REVISION_FIELD_LABELS, revisionFieldLabel, revisionValueText } from './revisionFields';

const lookup = (catalogue: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);

describe('revision field labels', () => {
  it('name every field of a snapshot with a text of both catalogues', () => {
    for (const field of SNAPSHOT_FIELDS) {
      const key = `paths.${revisionFieldLabel(field)}`;
      expect({ field, fr: typeof lookup(fr, key), en: typeof lookup(en, key) }).toEqual({ field, fr: 'string', en: 'string' });
    }
    expect(Object.keys(REVISION_FIELD_LABELS).sort()).toEqual([...SNAPSHOT_FIELDS].sort());
  });

  it('are short words, not the form’s help', () => {
    expect(lookup(fr, `paths.${REVISION_FIELD_LABELS.authors}`)).toBe('Auteurs');
    expect(lookup(en, `paths.${REVISION_FIELD_LABELS.mediaUrl}`)).toBe('Media');
    expect(lookup(fr, `paths.${REVISION_FIELD_LABELS.status}`)).toBe('Statut');
  });

  it('know no other field, nor inherited names', () => {
    expect(revisionFieldLabel('proposerEmail')).toBeNull();
    expect(revisionFieldLabel('toString')).toBeNull();
  });
});

describe('revision values', () => {
  const paths = (locale: 'fr' | 'en') => createTranslator({ locale, messages: locale === 'fr' ? fr : en, namespace: 'paths' }) as unknown as CatalogueTranslator;
  const before = { status: 'draft', format: 'initiative', licence: 'CC-BY-4.0', authors: [{ name: 'Léa', organization: 'Réseau', kind: 'person' }] };
  const after = { status: 'published', format: 'initiative', licence: 'CC0-1.0', authors: [{ name: '', kind: 'person' }] };

  it('read as a person reads them: statuses and formats by their names, licences by theirs, an erased author as a former participant', () => {
    const diff = diffSnapshots(before, after, revisionValueText(paths('fr'), 'ancien·ne participant·e'));
    // One side of a field's diff: what it read before (`removed`) or after (`added`), with what both share.
    const text = (field: string, kind: 'added' | 'removed') =>
      diff.find((d) => d.field === field)!.parts.filter((p) => !(kind === 'added' ? p.removed : p.added)).map((p) => p.value).join('');
    expect(text('status', 'removed')).toBe('Brouillon');
    expect(text('status', 'added')).toBe('Publiée');
    expect(text('licence', 'added')).toBe('Creative Commons Zero 1.0 (domaine public)');
    expect(text('licence', 'removed').trim()).toBe('Creative Commons Attribution 4.0');
    expect(text('authors', 'removed')).toBe('Léa (Réseau)');
    expect(text('authors', 'added')).toBe('ancien·ne participant·e');
    expect(JSON.stringify(diffSnapshots(before, after, revisionValueText(paths('en'), 'former participant')))).toContain('Published');
  });

  it('stay as stored without a reader (the API)', () => {
    expect(diffSnapshots(before, after).find((d) => d.field === 'status')!.parts.map((p) => p.value)).toEqual(['draft', 'published']);
  });
});

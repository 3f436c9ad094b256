import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { SNAPSHOT_FIELDS } from '@/lib/domain/resources';
import { REVISION_FIELD_LABELS, revisionFieldLabel } from './revisionFields';

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

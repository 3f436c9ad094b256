import { describe, expect, it } from 'vitest';
import { formatAuthors, parseAuthors, resourceFormInput } from './paths-form';

describe('parseAuthors', () => {
  it('reads people with their organization, and organizations as such', () => {
    const authors = parseAuthors('Léa Martin (Réseau Cocagne)\norg: Territoires Zéro Chômeur\n\n  Paul Durand  ');
    expect(authors).toEqual([
      { name: 'Léa Martin', organization: 'Réseau Cocagne', kind: 'person' },
      { name: 'Territoires Zéro Chômeur', organization: null, kind: 'organization' },
      { name: 'Paul Durand', organization: null, kind: 'person' },
    ]);
    expect(parseAuthors(formatAuthors(authors))).toEqual(authors);
  });
});

describe('resourceFormInput', () => {
  it('turns empty optional fields into null and collects repeated fields, minus removed attachments', () => {
    const form = new FormData();
    for (const [k, v] of [
      ['title', 'Fiche'],
      ['format', 'initiative'],
      ['date', ''],
      ['mediaUrl', ' '],
      ['attachmentIds', 'a'],
      ['attachmentIds', 'b'],
      ['removeAttachment', 'a'],
      ['sessionIds', 's1'],
      ['sessionIds', 's1'],
    ]) form.append(k!, v!);
    expect(resourceFormInput(form)).toMatchObject({
      title: 'Fiche',
      format: 'initiative',
      date: null,
      mediaUrl: null,
      language: 'fr',
      licence: 'all-rights-reserved',
      attachmentIds: ['b'],
      sessionIds: ['s1'],
    });
  });
});

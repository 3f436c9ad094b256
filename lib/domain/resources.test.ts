import { describe, expect, it } from 'vitest';
import {
  canPlaceOn,
  CONTENT_FIELDS,
  contentOf,
  canReview,
  changedFields,
  createResourceRequest,
  diffSnapshots,
  licenceOf,
  nextStatus,
  slugify,
  transitionRequest,
  updateResourceRequest,
  withNames,
} from './resources';

describe('resource workflow', () => {
  it('moves draft → in review → published → archived, and declines only what is in review', () => {
    expect(nextStatus('draft', 'submit')).toBe('in_review');
    expect(nextStatus('in_review', 'publish')).toBe('published');
    expect(nextStatus('published', 'archive')).toBe('archived');
    expect(nextStatus('in_review', 'decline')).toBe('declined');
    expect(nextStatus('draft', 'decline')).toBeNull();
    expect(nextStatus('published', 'publish')).toBeNull();
    expect(nextStatus('declined', 'reopen')).toBe('draft');
  });
  it('requires a reason to decline', () => {
    expect(transitionRequest.safeParse({ action: 'decline' }).success).toBe(false);
    expect(transitionRequest.safeParse({ action: 'decline', reason: 'Hors sujet' }).success).toBe(true);
  });
});

describe('rights on paths', () => {
  const coordA = { grants: [{ role: 'coordinator' as const, pathId: 'A' }] };
  it('lets a coordinator review on their own paths only; admins everywhere; an organizer of an event nowhere', () => {
    expect(canReview(coordA, ['A'])).toBe(true);
    expect(canReview(coordA, ['B'])).toBe(false);
    expect(canReview(coordA, ['A', 'B'])).toBe(true);
    expect(canReview({ grants: [{ role: 'admin' }] }, ['B'])).toBe(true);
    expect(canReview({ grants: [{ role: 'organizer', eventId: 'E' }] }, ['A'])).toBe(false);
    expect(canReview({ grants: [] }, ['A'])).toBe(false);
  });
  it('puts a resource on a path only for that path’s coordinators', () => {
    expect(canPlaceOn(coordA, ['A'])).toBe(true);
    expect(canPlaceOn(coordA, ['A', 'B'])).toBe(false);
  });
});

describe('resource fields', () => {
  it('takes SPDX licences, http(s) media only, and gives an update no defaults', () => {
    const ok = createResourceRequest.parse({ title: ' Fiche ', format: 'initiative', licence: 'CC-BY-SA-4.0', mediaUrl: 'https://vimeo.com/1' });
    expect(ok).toMatchObject({ title: 'Fiche', language: 'fr', summary: '', authors: [] });
    expect(createResourceRequest.safeParse({ title: 'x', format: 'initiative', licence: 'GPL-banana' }).success).toBe(false);
    expect(createResourceRequest.safeParse({ title: 'x', format: 'initiative', mediaUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(createResourceRequest.safeParse({ title: 'x', format: 'initiative', extra: 1 }).success).toBe(false);
    expect(updateResourceRequest.parse({ version: 3, title: 'Nouveau' })).toEqual({ version: 3, title: 'Nouveau' });
  });
  it('names licences, an unknown one as all rights reserved', () => {
    expect(licenceOf('CC0-1.0').url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(licenceOf('nope').id).toBe('all-rights-reserved');
  });
  it('makes ASCII slugs from French titles', () => {
    expect(slugify('L’action des makers : santé ouverte !')).toBe('l-action-des-makers-sante-ouverte');
    expect(slugify('***')).toBe('ressource');
  });
});

describe('revision diffs', () => {
  const base = { title: 'Titre', summary: '', body: 'a\nb\n', format: 'document', language: 'fr', date: null, licence: 'CC0-1.0', authors: [], mediaUrl: null, status: 'draft', sessionIds: [], pathIds: ['p'], attachmentIds: [] };
  it('lists the changed fields and diffs them (lines for the body, words elsewhere)', () => {
    const after = { ...base, title: 'Titre revu', body: 'a\nc\n', status: 'published' };
    expect(changedFields(base, after)).toEqual(['title', 'body', 'status']);
    const d = diffSnapshots(base, after);
    expect(d.find((x) => x.field === 'body')!.parts).toEqual([{ value: 'a\n' }, { value: 'b\n', removed: true }, { value: 'c\n', added: true }]);
    expect(d.find((x) => x.field === 'title')!.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['revu']);
  });
  it('treats the first revision as everything added', () => {
    expect(changedFields(null, base)).toEqual(['title', 'body', 'format', 'language', 'licence', 'status', 'pathIds']);
  });
});

describe('revision values as a person reads them', () => {
  it('names linked sessions, paths and files by their titles, and leaves the rest (and unknown ids) to the text given', () => {
    const text = withNames(new Map([['s1', 'Atelier'], ['p1', 'Climat']]), (field, item) => `${field}:${String(item)}`);
    expect(text('sessionIds', 's1')).toBe('Atelier');
    expect(text('pathIds', 'p1')).toBe('Climat');
    expect(text('attachmentIds', 'gone')).toBe('attachmentIds:gone');
    expect(text('title', 's1')).toBe('title:s1');
  });
});

describe('contentOf', () => {
  it('keeps exactly the written fields of a resource', () => {
    const row = {
      id: 'r1', slug: 's', status: 'published', title: 'T', summary: 'S', body: 'B', format: 'article', language: 'fr',
      date: null, licence: 'CC-BY-4.0', authors: [{ name: 'A', kind: 'person' }], mediaUrl: null,
    };
    expect(contentOf(row)).toEqual({
      title: 'T', summary: 'S', body: 'B', format: 'article', language: 'fr', date: null, licence: 'CC-BY-4.0',
      authors: [{ name: 'A', kind: 'person' }], mediaUrl: null,
    });
    expect(Object.keys(contentOf(row))).toEqual([...CONTENT_FIELDS]);
  });
});

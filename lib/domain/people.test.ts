import { describe, expect, it } from 'vitest';
import { identityKey, mergeRequest } from './people';

describe('identityKey: a person’s or organization’s identity, not their display name', () => {
  it('folds accents, case, hyphens and spaces, so two spellings of one name are one key', () => {
    expect(identityKey('Louis Julien de la Bouëre')).toBe(identityKey('Louis Julien de la Bouere'));
    expect(identityKey('Hervé Groléas')).toBe(identityKey('Hervé Groleas'));
    expect(identityKey('Jacques-François Marchandise')).toBe(identityKey('Jacques François  Marchandise'));
    expect(identityKey('Jacques-François Marchandise')).toBe('jacques-francois-marchandise');
    expect(identityKey('Inno³')).toBe('inno3');
    expect(identityKey('Réseau Prof@brest')).toBe('reseau-prof-brest');
  });

  it('does not guess initials: those are explicit aliases or a merge', () => {
    expect(identityKey('JF Marchandise')).not.toBe(identityKey('Jacques-François Marchandise'));
  });
});

describe('mergeRequest', () => {
  it('takes two different keys and refuses the same one twice or extra fields', () => {
    expect(mergeRequest.parse({ from: 'a', into: 'b' })).toEqual({ from: 'a', into: 'b' });
    expect(mergeRequest.safeParse({ from: 'a', into: 'a' }).success).toBe(false);
    expect(mergeRequest.safeParse({ from: 'a', into: 'b', extra: 1 }).success).toBe(false);
    expect(mergeRequest.safeParse({ from: '', into: 'b' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { erasedEmail, formerName, formerNames, nameWithOrganization, shownEmail } from './erased';

describe('formerName', () => {
  it('shows an erased (empty) name as the former participant, and any other name as it is', () => {
    expect(formerName('', 'ancien·ne participant·e')).toBe('ancien·ne participant·e');
    expect(formerName('  ', 'former participant')).toBe('former participant');
    expect(formerName(null, 'former participant')).toBe('former participant');
    expect(formerName('Awa Diallo', 'former participant')).toBe('Awa Diallo');
  });

  it('joins names, an erased one as the former participant', () => {
    expect(formerNames(['Awa', ''], 'former participant')).toBe('Awa, former participant');
    expect(formerNames([], 'former participant')).toBe('');
  });

  it('adds the organization, if any, to the name as shown', () => {
    expect(nameWithOrganization({ name: 'Awa', organization: 'Tiers-lieu' }, 'former participant')).toBe('Awa (Tiers-lieu)');
    expect(nameWithOrganization({ name: 'Awa', organization: null }, 'former participant')).toBe('Awa');
    // Erasure also empties the organization; an erased name keeps one only if it was given back.
    expect(nameWithOrganization({ name: '', organization: null }, 'ancien·ne participant·e')).toBe('ancien·ne participant·e');
  });
});

describe('erased addresses', () => {
  it('are nobody’s, and read as none', () => {
    const placeholder = erasedEmail('0b7e');
    expect(placeholder).toBe('erased-0b7e@invalid');
    expect(shownEmail(placeholder)).toBe('');
    expect(shownEmail('awa@exemple.org')).toBe('awa@exemple.org');
    expect(shownEmail('erased-fan@exemple.org')).toBe('erased-fan@exemple.org');
  });
});

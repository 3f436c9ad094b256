import { describe, expect, it } from 'vitest';
import { formerName } from './erased';

describe('formerName', () => {
  it('shows an erased (empty) name as the former participant, and any other name as it is', () => {
    expect(formerName('', 'ancien·ne participant·e')).toBe('ancien·ne participant·e');
    expect(formerName('  ', 'former participant')).toBe('former participant');
    expect(formerName(null, 'former participant')).toBe('former participant');
    expect(formerName('Awa Diallo', 'former participant')).toBe('Awa Diallo');
  });
});

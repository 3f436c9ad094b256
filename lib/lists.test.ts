import { describe, expect, it } from 'vitest';
import { uniqueBy } from './lists';

describe('uniqueBy', () => {
  it('keeps the first item of each key, in order', () => {
    const rows = [
      { id: 'a', role: 'speaker', n: 1 },
      { id: 'b', role: 'speaker', n: 2 },
      { id: 'a', role: 'speaker', n: 3 },
      { id: 'a', role: 'moderator', n: 4 },
    ];
    expect(uniqueBy(rows, (r) => `${r.id}:${r.role}`).map((r) => r.n)).toEqual([1, 2, 4]);
  });
  it('gives an empty list for an empty list', () => {
    expect(uniqueBy([], String)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { addedItems, announcement } from './announce';

const m = (id: string, mine = false) => ({ id, mine });
const own = (i: { mine: boolean }) => i.mine;

describe('addedItems', () => {
  it('gives the items not seen before, without the person’s own', () => {
    const seen = new Set(['a', 'b']);
    expect(addedItems(seen, [m('a'), m('b'), m('c'), m('d', true), m('e')], own, false).map((i) => i.id)).toEqual(['c', 'e']);
  });
  it('with appendOnly, ignores older items loaded before the first one seen', () => {
    const seen = new Set(['c', 'd']);
    expect(addedItems(seen, [m('a'), m('b'), m('c'), m('d'), m('e')], own, true).map((i) => i.id)).toEqual(['e']);
    expect(addedItems(seen, [m('a'), m('b'), m('c'), m('d')], own, true)).toEqual([]);
  });
  it('without appendOnly, a new item anywhere counts (questions sorted by votes)', () => {
    expect(addedItems(new Set(['b']), [m('a'), m('b')], own, false).map((i) => i.id)).toEqual(['a']);
  });
});

describe('announcement', () => {
  it('reads one item in full and counts several', () => {
    const one = (i: { id: string }) => `new ${i.id}`;
    const many = (n: number) => `${n} new`;
    expect(announcement([m('a')], one, many)).toBe('new a');
    expect(announcement([m('a'), m('b'), m('c')], one, many)).toBe('3 new');
  });
});

import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { groupName, groupRoomOf, modeOf, secondsLeft, showReturnCountdown, smallestGroup, splitAssigned, splitEvenly } from './breakouts';

const people = (n: number) => Array.from({ length: n }, (_, i) => `user:${i}`);
const sizes = (split: Map<string, number>, groups: number) => {
  const s = Array.from({ length: groups }, () => 0);
  for (const g of split.values()) s[g]!++;
  return s;
};

describe('splitEvenly', () => {
  it('gives every person a group, sizes differing by one at most', () => {
    for (const [n, g] of [[6, 3], [7, 3], [2, 5], [50, 7], [0, 2]] as const) {
      const split = splitEvenly(people(n), g, 42);
      expect(split.size).toBe(n);
      const s = sizes(split, g);
      expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    }
  });
  it('is repeatable with a seed, and differs with another', () => {
    const a = [...splitEvenly(people(20), 4, 7)];
    expect([...splitEvenly(people(20), 4, 7)]).toEqual(a);
    expect([...splitEvenly(people(20), 4, 8)]).not.toEqual(a);
  });
  it('counts a person listed twice once', () => {
    expect(splitEvenly(['user:1', 'user:1', 'user:2'], 2, 1).size).toBe(2);
  });
});

describe('splitAssigned', () => {
  it('keeps the moderator’s choices and puts the others in the smallest groups', () => {
    const split = splitAssigned(people(5), 3, { 'user:0': 0, 'user:1': 0, 'user:9': 2 });
    expect(split.get('user:0')).toBe(0);
    expect(split.get('user:9')).toBe(2);
    expect(sizes(split, 3)).toEqual([2, 2, 2]);
  });
  it('refuses an index out of the groups, naming the person', () => {
    for (const bad of [3, -1, 1.5]) {
      const err = (() => {
        try {
          splitAssigned(people(2), 3, { 'user:0': bad });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'invalid', message: expect.stringContaining('user:0') });
    }
  });
});

describe('names, rooms and time', () => {
  it('names groups by letters', () => {
    expect([1, 2, 26, 27, 50].map(groupName)).toEqual(['A', 'B', 'Z', 'AA', 'AX']);
  });
  it('derives a group’s room from the session’s', () => {
    expect(groupRoomOf('0b5c1f7e-0000-4000-8000-000000000000', 3)).toBe('session-0b5c1f7e-0000-4000-8000-000000000000--g3');
  });
  it('says the mode of an assignment', () => {
    expect([undefined, 'random', 'choice', { a: 1 }].map((a) => modeOf(a as never))).toEqual(['random', 'random', 'choice', 'assigned']);
  });
  it('picks the first smallest group', () => {
    expect(smallestGroup([2, 1, 1])).toBe(1);
  });
  it('shows the return countdown in the last 30 seconds only', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(secondsLeft(new Date('2026-12-07T10:00:29.5Z'), now)).toBe(30);
    expect(showReturnCountdown(new Date('2026-12-07T10:00:29Z'), now)).toBe(true);
    expect(showReturnCountdown(new Date('2026-12-07T10:00:31Z'), now)).toBe(false);
    expect(showReturnCountdown(new Date('2026-12-07T09:59:00Z'), now)).toBe(false);
  });
});

import { DomainError } from '../errors';
import { videoRoomOf } from './video';

/**
 * Breakout groups of a live workshop (issue 31): the pure rules — how people are split, which
 * group a late comer joins, what the groups' rooms and notes are called, when the countdown shows.
 */

export const BREAKOUT_LIMITS = {
  groupsMin: 2,
  groupsMax: 50,
  minutesMin: 1,
  minutesMax: 240,
  /** A moderator's message to every group. */
  messageMax: 500,
  /** Participants see « Retour en plénière dans … » this many seconds before the end. */
  returnCountdownSeconds: 30,
} as const;

export type BreakoutAssign = 'random' | 'choice' | Record<string, number>;
export type BreakoutMode = 'random' | 'choice' | 'assigned';

export const modeOf = (assign: BreakoutAssign | undefined): BreakoutMode =>
  assign === undefined || assign === 'random' ? 'random' : assign === 'choice' ? 'choice' : 'assigned';

/**
 * A group's name: a letter (A, B, … Z, then AA, AB, …), the same in every language; the pages say
 * « Groupe A » / "Group A" through the catalogue.
 */
export function groupName(position: number): string {
  let n = position;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A group's LiveKit room: the session's room with the group's position. */
export const groupRoomOf = (sessionId: string, position: number) => `${videoRoomOf(sessionId)}--g${position}`;

/** A group's notes document on the notes server (`/api/notes`). */
export const groupNotesDocOf = (sessionId: string, groupId: string) => `session:${sessionId}:group:${groupId}`;

/** A small seeded generator (mulberry32): the same seed gives the same split. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Split people at random into `groups` groups whose sizes differ by one at most: a shuffle, then
 * one each in turn. Returns each person's group index (0-based). `seed` makes it repeatable.
 */
export function splitEvenly(people: readonly string[], groups: number, seed: number = Math.floor(Math.random() * 2 ** 32)): Map<string, number> {
  const random = seeded(seed);
  const order = [...new Set(people)];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Map(order.map((key, i) => [key, i % groups]));
}

/** The index of the smallest group (the first of equals): where a late comer goes. */
export function smallestGroup(sizes: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < sizes.length; i++) if (sizes[i]! < sizes[best]!) best = i;
  return best;
}

/**
 * A moderator's assignment `{ actorKey: groupIndex }`: every index must name one of the groups
 * (refused with the keys at fault otherwise). People present but not named go to the smallest
 * group, in turn; people named but not present are kept (they join their group on arrival).
 */
export function splitAssigned(people: readonly string[], groups: number, assign: Record<string, number>): Map<string, number> {
  const bad = Object.entries(assign).filter(([, g]) => !Number.isInteger(g) || g < 0 || g >= groups);
  if (bad.length) {
    throw new DomainError(400, 'invalid', `assign: group indexes go from 0 to ${groups - 1} (${bad.map(([k]) => k).join(', ')})`);
  }
  const result = new Map(Object.entries(assign));
  const sizes = Array.from({ length: groups }, () => 0);
  for (const g of result.values()) sizes[g]!++;
  for (const key of people) {
    if (result.has(key)) continue;
    const g = smallestGroup(sizes);
    result.set(key, g);
    sizes[g]!++;
  }
  return result;
}

/** Seconds left in the round (never below 0). */
export const secondsLeft = (endsAt: Date | string, now: Date = new Date()) => Math.max(0, Math.ceil((new Date(endsAt).getTime() - now.getTime()) / 1000));

/** Whether participants should see the return countdown now. */
export const showReturnCountdown = (endsAt: Date | string, now: Date = new Date()) => {
  const left = secondsLeft(endsAt, now);
  return left > 0 && left <= BREAKOUT_LIMITS.returnCountdownSeconds;
};

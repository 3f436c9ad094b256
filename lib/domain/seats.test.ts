import { describe, expect, it } from 'vitest';
import { defaultSeatMode, onlineSeatsOf, seatsByMode } from './seats';

const counts = { confirmed: 4, waitlisted: 2, confirmedOnsite: 3, confirmedOnline: 1, waitlistOnsite: 2, waitlistOnline: 0 };

describe('seatsByMode', () => {
  it('gives a hybrid session its chairs and its online seats, each with its own waiting list', () => {
    expect(seatsByMode({ mode: 'hybrid', capacity: 3, capacityOnline: 3 }, counts)).toEqual([
      { mode: 'onsite', confirmed: 3, capacity: 3, waitlisted: 2, free: 0, full: true },
      { mode: 'online', confirmed: 1, capacity: 3, waitlisted: 0, free: 2, full: false },
    ]);
  });

  it('counts an unlimited mode as never full', () => {
    const [, online] = seatsByMode({ mode: 'hybrid', capacity: 3, capacityOnline: null }, counts);
    expect(online).toMatchObject({ capacity: null, free: null, full: false });
  });

  it('gives an on-site or online session one mode with all its seats, its capacity being the session’s', () => {
    expect(seatsByMode({ mode: 'onsite', capacity: 10, capacityOnline: 99 }, counts)).toEqual([
      { mode: 'onsite', confirmed: 4, capacity: 10, waitlisted: 2, free: 6, full: false },
    ]);
    expect(seatsByMode({ mode: 'online', capacity: 4, capacityOnline: null }, counts)).toEqual([
      { mode: 'online', confirmed: 4, capacity: 4, waitlisted: 2, free: 0, full: true },
    ]);
  });
});

describe('defaultSeatMode', () => {
  it.each([
    ['onsite', 'onsite'],
    ['online', 'online'],
    ['hybrid', 'online'],
  ] as const)('is the session’s mode, and online for a hybrid session: %s → %s', (mode, seat) => {
    expect(defaultSeatMode(mode)).toBe(seat);
  });
});

describe('onlineSeatsOf', () => {
  it('is a hybrid session’s online seats, and every seat of another session', () => {
    expect(onlineSeatsOf({ mode: 'hybrid', capacity: 3, confirmedCount: 5, capacityOnline: 4, confirmedOnline: 2 })).toEqual({ capacity: 4, confirmed: 2 });
    expect(onlineSeatsOf({ mode: 'hybrid', capacity: 3, confirmedCount: 5, capacityOnline: null, confirmedOnline: 2 })).toEqual({ capacity: null, confirmed: 2 });
    expect(onlineSeatsOf({ mode: 'online', capacity: 12, confirmedCount: 5 })).toEqual({ capacity: 12, confirmed: 5 });
  });
});

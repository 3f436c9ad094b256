import type { SeatMode } from './registration';

// Seats on site and online (issue 28): what a session offers in each mode, as the registration
// form, the programme, the organizer's counts and the room screens show it. The rules that give
// and take seats live in the SQL functions (db/functions/30_registrations.sql); this only reads.

/** One mode of a session: seats taken, capacity (null = unlimited), waiting list. */
export type ModeSeats = { mode: SeatMode; confirmed: number; capacity: number | null; waitlisted: number; free: number | null; full: boolean };

/** A session's capacity and counts, as the queries give them (`seatCounts`, the programme). */
export type SessionSeats = {
  mode: 'onsite' | 'online' | 'hybrid';
  capacity: number | null;
  capacityOnline: number | null;
};
export type ModeCounts = { confirmed: number; waitlisted: number; confirmedOnsite: number; confirmedOnline: number; waitlistOnsite: number; waitlistOnline: number };

function modeSeats(mode: SeatMode, confirmed: number, capacity: number | null, waitlisted: number): ModeSeats {
  const free = capacity === null ? null : Math.max(0, capacity - confirmed);
  return { mode, confirmed, capacity, waitlisted, free, full: free === 0 };
}

/**
 * The modes a session offers, each with its seats: one for an on-site or online session (all its
 * seats), two (on site, then online) for a hybrid one.
 */
export function seatsByMode(s: SessionSeats, c: ModeCounts): ModeSeats[] {
  if (s.mode !== 'hybrid') return [modeSeats(s.mode, c.confirmed, s.capacity, c.waitlisted)];
  return [modeSeats('onsite', c.confirmedOnsite, s.capacity, c.waitlistOnsite), modeSeats('online', c.confirmedOnline, s.capacityOnline, c.waitlistOnline)];
}

/**
 * The online seats of a session, its video room's: a hybrid session's own (`capacityOnline`,
 * `confirmedOnline`), every seat of any other session.
 */
export function onlineSeatsOf(s: {
  mode?: SessionSeats['mode'];
  capacity: number | null;
  confirmedCount: number;
  capacityOnline?: number | null;
  confirmedOnline?: number;
}): { capacity: number | null; confirmed: number } {
  return s.mode === 'hybrid' ? { capacity: s.capacityOnline ?? null, confirmed: s.confirmedOnline ?? 0 } : { capacity: s.capacity, confirmed: s.confirmedCount };
}

/** The mode a seat of this session takes when the registrant says none: the session's own, online for a hybrid one. */
export function defaultSeatMode(sessionMode: SessionSeats['mode']): SeatMode {
  return sessionMode === 'onsite' ? 'onsite' : 'online';
}

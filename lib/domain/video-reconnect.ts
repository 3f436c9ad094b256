/**
 * A browser out of its video room, by LiveKit's `DisconnectReason` (its name: `DisconnectReason[r]`),
 * and what the page does (components/video/VideoRoom.tsx):
 * - `left`, `removed`, `ended`: said, and the person chooses (nothing is tried for them);
 * - `elsewhere`: the same person entered from another tab or device, which took their place: said,
 *   never rejoined by itself (the two would take turns pushing each other out);
 * - `lost`: anything else — LiveKit restarted or unreachable for longer than its client's own
 *   reconnection (about 45 s of retries), a failed join, a timeout: the page rejoins by itself with
 *   a fresh token, after `rejoinDelayMs`, until it is in again or the server refuses for good.
 */
export type VideoOut = 'left' | 'removed' | 'ended' | 'elsewhere' | 'lost';

const OUT: Record<string, Exclude<VideoOut, 'lost'>> = {
  CLIENT_INITIATED: 'left',
  PARTICIPANT_REMOVED: 'removed',
  ROOM_DELETED: 'ended',
  ROOM_CLOSED: 'ended',
  DUPLICATE_IDENTITY: 'elsewhere',
  USER_REJECTED: 'left',
};

export const videoOutOf = (reason: string | undefined): VideoOut => (reason && OUT[reason]) || 'lost';

/** The wait before the `attempt`-th rejoin (1, 2, 4, 8 s, then every 10 s), a little spread so that a whole audience does not ask at once. */
export function rejoinDelayMs(attempt: number, random = Math.random()): number {
  const base = Math.min(10_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

import { describe, expect, it } from 'vitest';
import { rejoinDelayMs, videoOutOf } from './video-reconnect';

describe('videoOutOf', () => {
  it('says why a person is out, and rejoins by itself only when the connection was lost', () => {
    expect(videoOutOf('CLIENT_INITIATED')).toBe('left');
    expect(videoOutOf('PARTICIPANT_REMOVED')).toBe('removed');
    expect(videoOutOf('ROOM_DELETED')).toBe('ended');
    expect(videoOutOf('ROOM_CLOSED')).toBe('ended');
    // Another tab of the same person took the place: never taken back by itself.
    expect(videoOutOf('DUPLICATE_IDENTITY')).toBe('elsewhere');
    for (const lost of ['UNKNOWN_REASON', 'SERVER_SHUTDOWN', 'JOIN_FAILURE', 'SIGNAL_CLOSE', 'STATE_MISMATCH', 'MIGRATION', undefined, '']) {
      expect(videoOutOf(lost)).toBe('lost');
    }
  });
});

describe('rejoinDelayMs', () => {
  it('backs off 1, 2, 4, 8 s then every 10 s, spread by ±20 %', () => {
    expect([1, 2, 3, 4, 5, 9, 50].map((a) => rejoinDelayMs(a, 0.5))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(rejoinDelayMs(1, 0)).toBe(800);
    expect(rejoinDelayMs(5, 1)).toBe(12_000);
    expect(rejoinDelayMs(0, 0.5)).toBe(1000);
  });
});

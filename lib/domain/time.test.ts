import { describe, expect, it } from 'vitest';
import { fieldInstant, isLive, isoWithOffset, localDate, viewerTimeZone, zonedInstant } from './time';

describe('zonedInstant', () => {
  it('reads summer times in Paris as UTC+2', () => {
    expect(zonedInstant('2018-07-03', '09:00', 'Europe/Paris').toISOString()).toBe('2018-07-03T07:00:00.000Z');
  });
  it('reads winter times in Paris as UTC+1', () => {
    expect(zonedInstant('2026-11-22', '14:30', 'Europe/Paris').toISOString()).toBe('2026-11-22T13:30:00.000Z');
  });
  it('rejects malformed input', () => {
    expect(() => zonedInstant('2018-7-3', '9:00', 'Europe/Paris')).toThrow(/Invalid local/);
  });
  it('keeps seconds when given', () => {
    expect(zonedInstant('2026-11-22', '14:30:15', 'Europe/Paris').toISOString()).toBe('2026-11-22T13:30:15.000Z');
  });
});

describe('fieldInstant', () => {
  it('reads a datetime-local value as the wall-clock time of the given zone, not the machine’s', () => {
    expect(fieldInstant('2026-11-29T10:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-11-29T01:00:00.000Z');
    expect(fieldInstant('2026-11-29T10:00:30', 'America/Montreal')?.toISOString()).toBe('2026-11-29T15:00:30.000Z');
  });
  it('is null for what is not such a value', () => {
    expect(fieldInstant('', 'Europe/Paris')).toBeNull();
    expect(fieldInstant('2026-11-29', 'Europe/Paris')).toBeNull();
    expect(fieldInstant('demain 10h', 'Europe/Paris')).toBeNull();
  });
});

describe('localDate / isoWithOffset', () => {
  it('gives the local date across midnight UTC', () => {
    expect(localDate(new Date('2018-07-03T22:30:00Z'), 'Europe/Paris')).toBe('2018-07-04');
  });
  it('formats with the offset', () => {
    expect(isoWithOffset(new Date('2018-07-03T07:00:00Z'), 'Europe/Paris')).toBe('2018-07-03T09:00:00+02:00');
  });
});

describe('isLive', () => {
  const s = { startsAt: new Date('2020-07-08T08:00:00Z'), endsAt: new Date('2020-07-08T09:00:00Z') };
  it('is live between start and end only', () => {
    expect(isLive(s, new Date('2020-07-08T08:30:00Z'))).toBe(true);
    expect(isLive(s, new Date('2020-07-08T09:00:00Z'))).toBe(false);
    expect(isLive({ ...s, status: 'cancelled' }, new Date('2020-07-08T08:30:00Z'))).toBe(false);
  });
  it('is live while its video room runs, even outside its times', () => {
    const running = { ...s, videoLiveSince: new Date('2020-07-08T09:05:00Z') };
    expect(isLive(running, new Date('2020-07-08T09:10:00Z'))).toBe(true);
    expect(isLive({ ...running, videoLiveSince: null }, new Date('2020-07-08T09:10:00Z'))).toBe(false);
    expect(isLive({ ...running, status: 'cancelled' }, new Date('2020-07-08T09:10:00Z'))).toBe(false);
  });
  it('is live from its very start, and before it once its room is opened early', () => {
    expect(isLive(s, new Date('2020-07-08T08:00:00Z'))).toBe(true);
    expect(isLive(s, new Date('2020-07-08T07:59:59Z'))).toBe(false);
    expect(isLive({ ...s, videoLiveSince: new Date('2020-07-08T07:50:00Z') }, new Date('2020-07-08T07:55:00Z'))).toBe(true);
  });
  it('a tentative session is live in its times too (only a cancelled one never is)', () => {
    expect(isLive({ ...s, status: 'tentative' }, new Date('2020-07-08T08:30:00Z'))).toBe(true);
  });
});

describe('viewerTimeZone', () => {
  it('names the runtime’s IANA zone (the browser’s, for <LocalTime>)', () => {
    const zone = viewerTimeZone();
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });
});

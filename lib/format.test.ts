import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatLocalTimes, formatNumber, formatZoneName, formatSessionChoice, formatTime, formatWeekday } from './format';

// Normalise the narrow and plain no-break spaces that Intl puts in French numbers and English times.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const at = new Date('2026-11-28T08:30:00Z'); // 09:30 in Paris, 03:30 in Montreal

describe('lib/format: locale and the event’s time zone', () => {
  it('says times in the event’s zone, in the reader’s language', () => {
    expect(formatTime(at, 'fr', 'Europe/Paris')).toBe('09:30');
    expect(plain(formatTime(at, 'en', 'Europe/Paris'))).toBe('09:30 AM');
    expect(formatTime(at, 'fr', 'America/Montreal')).toBe('03:30');
  });
  it('says dates in the reader’s language', () => {
    expect(formatDate(at, 'fr', 'Europe/Paris')).toBe('28 novembre 2026');
    expect(formatDate(at, 'en', 'Europe/Paris')).toBe('November 28, 2026');
    expect(formatWeekday(at, 'fr', 'Europe/Paris')).toBe('samedi 28 novembre');
    expect(formatWeekday(at, 'en', 'Europe/Paris')).toBe('Saturday, November 28');
    expect(plain(formatDateTime(at, 'fr', 'Europe/Paris', 'full'))).toBe('samedi 28 novembre 2026 à 09:30');
  });
  it('takes the day from the event’s zone, not the server’s', () => {
    const lateInParis = new Date('2026-11-28T23:30:00Z'); // already Sunday in Paris
    expect(formatWeekday(lateInParis, 'fr', 'Europe/Paris')).toBe('dimanche 29 novembre');
    expect(formatWeekday(lateInParis, 'fr', 'America/Montreal')).toBe('samedi 28 novembre');
  });
  it('writes numbers and sizes as each language does', () => {
    expect(plain(formatNumber(1234.5, 'fr'))).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(plain(formatBytes(12_000, 'fr'))).toBe('12 ko');
    expect(plain(formatBytes(1_600_000, 'en'))).toBe('1.5 MB');
  });

  it('offers a session by its day and time in its event’s zone, even when that day is not UTC’s', () => {
    // 00:30 in Tokyo on the 13th is 15:30 UTC on the 12th (the day the ISO date used to show).
    const late = new Date('2026-05-12T15:30:00Z');
    expect(plain(formatSessionChoice({ startsAt: late, title: 'Atelier' }, 'fr', 'Asia/Tokyo'))).toBe('13 mai 2026, 00:30 · Atelier');
    expect(plain(formatSessionChoice({ startsAt: late, title: 'Workshop' }, 'en', 'Europe/Paris'))).toBe('May 12, 2026, 05:30 PM · Workshop');
  });
});

describe('formatLocalTimes: the viewer’s own clock beside the event’s', () => {
  const start = new Date('2026-11-28T08:30:00Z'); // 09:30 in Paris, 03:30 in Montreal
  const end = new Date('2026-11-28T09:30:00Z');
  it('says nothing when the viewer is in the event’s zone, or in a zone that reads the same then', () => {
    expect(formatLocalTimes(start, end, 'fr', 'Europe/Paris', 'Europe/Paris')).toBeNull();
    expect(formatLocalTimes(start, end, 'fr', 'Europe/Paris', 'Europe/Brussels')).toBeNull();
    expect(formatLocalTimes(start, null, 'en', 'Europe/Paris', 'Europe/Paris')).toBeNull();
  });
  it('gives the start and end on the viewer’s clock, in the reader’s language', () => {
    expect(formatLocalTimes(start, end, 'fr', 'Europe/Paris', 'America/Montreal')).toBe('03:30–04:30');
    expect(plain(formatLocalTimes(start, end, 'en', 'Europe/Paris', 'America/Montreal')!)).toBe('03:30 AM–04:30 AM');
    expect(formatLocalTimes(start, null, 'fr', 'Europe/Paris', 'America/Montreal')).toBe('03:30');
  });
  it('names the viewer’s day when the session falls on another day there', () => {
    const evening = new Date('2026-11-28T01:00:00Z'); // 02:00 Saturday in Paris, 20:00 Friday in Montreal
    expect(formatLocalTimes(evening, new Date('2026-11-28T02:00:00Z'), 'fr', 'Europe/Paris', 'America/Montreal')).toBe('ven. 27 nov., 20:00–21:00');
    expect(formatLocalTimes(evening, null, 'fr', 'Europe/Paris', 'Asia/Tokyo')).toBe('10:00'); // same Saturday there
    expect(formatLocalTimes(new Date('2026-11-28T20:00:00Z'), null, 'fr', 'Europe/Paris', 'Asia/Tokyo')).toBe('dim. 29 nov., 05:00');
  });
});

describe('formatZoneName', () => {
  it('names a zone as people say it, in the reader’s language', () => {
    expect(formatZoneName('America/Montreal', 'fr', at)).toBe('heure de l’Est nord-américain');
    expect(formatZoneName('America/Montreal', 'en', at)).toBe('Eastern Time');
    expect(formatZoneName('Europe/Paris', 'fr', at)).toBe('heure d’Europe centrale');
  });
});

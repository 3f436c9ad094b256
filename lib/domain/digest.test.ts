import { describe, expect, it } from 'vitest';
import { digestKey, digestPeriod } from './digest';

describe('digestPeriod', () => {
  it('is the ISO week, the same from Monday to Sunday', () => {
    expect(digestPeriod(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48');
    expect(digestPeriod(new Date('2026-11-29T23:59:59Z'))).toBe('2026-W48');
    expect(digestPeriod(new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49');
  });
  it('follows the ISO year at year ends', () => {
    expect(digestPeriod(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(digestPeriod(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });
  it('keys a digest by subscription and period', () => {
    expect(digestKey('abc', '2026-W48')).toBe('digest:abc:2026-W48');
  });
});

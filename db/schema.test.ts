import { describe, expect, it } from 'vitest';
import { newToken } from './schema';

describe('newToken', () => {
  it('gives 192-bit URL-safe tokens, all different, across refills of its pool', () => {
    const tokens = Array.from({ length: 1000 }, () => newToken()); // about four refills
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

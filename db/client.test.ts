import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { databaseUnreachable, refusalOf } from './client';

// The one mapping of a database that cannot be reached to `503 unavailable` (docs/architecture.md,
// "Faults"); test/faults/postgres.test.ts proves it against a Postgres it stops.
describe('refusalOf', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });

  it('maps connection failures, bare or wrapped (Drizzle keeps the driver’s error as `cause`), to 503 unavailable', () => {
    for (const err of [coded('ECONNREFUSED'), coded('CONNECT_TIMEOUT'), coded('CONNECTION_CLOSED'), coded('57P01'), coded('08006'), new Error('query failed', { cause: coded('ECONNRESET') })]) {
      expect(databaseUnreachable(err)).toBe(true);
      expect(refusalOf(err)).toMatchObject({ status: 503, code: 'unavailable' });
    }
  });

  it('keeps a domain refusal as it is, and leaves any other error (a bug, a refused statement) to the caller', () => {
    const domain = new DomainError(409, 'conflict', 'Already done.');
    expect(refusalOf(domain)).toBe(domain);
    for (const err of [coded('23505'), coded('42P01'), new Error('boom'), 'text', null]) {
      expect(databaseUnreachable(err)).toBe(false);
      expect(refusalOf(err)).toBeUndefined();
    }
  });
});

import { advanceStatusIndex, type Q } from '@/db/queries/badges/issuers';
import { STATUS_LIST_LENGTH } from '@/lib/badges/documents';

/**
 * Hands out `n` positions in the issuer's revocation list, in a statement of its own (never held
 * while signing); a position left unused by a failed run is only a gap. Returns the first.
 */
export async function takeStatusIndexes(q: Q, issuerId: string, n: number): Promise<number> {
  const next = await advanceStatusIndex(q, issuerId, n);
  if (next > STATUS_LIST_LENGTH) throw new Error(`The revocation list of issuer ${issuerId} is full`);
  return next - n;
}

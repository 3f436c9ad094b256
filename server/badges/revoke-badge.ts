import { getDb } from '@/db/client';
import { awardWithIssuer, markRevoked } from '@/db/queries/badges/awards';
import type { BadgeRefusal } from '@/lib/domain/badges';
import { mayManageIssuer } from './may-manage-issuer';

/** Revoke an issued badge (its issuer's managers): it then verifies as revoked. */
export async function revokeBadge(userId: string, awardId: string): Promise<{ ok: true } | BadgeRefusal> {
  const db = await getDb();
  const row = await awardWithIssuer(db, awardId);
  if (!row) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, row.issuer))) return { ok: false, code: 'forbidden' };
  if (!row.award.credential) return { ok: false, code: 'invalid_transition' };
  await markRevoked(db, awardId);
  return { ok: true };
}

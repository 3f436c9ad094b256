import { getDb } from '@/db/client';
import { awardCredential } from '@/db/queries/badges/pages';

/** The signed credential of a badge (issued, whatever became of it since), or null. */
export async function credentialOf(awardId: string) {
  return awardCredential(await getDb(), awardId);
}

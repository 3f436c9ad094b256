import { getDb } from '@/db/client';
import { endorsementCredentialById } from '@/db/queries/badges/endorsements';

/** An endorsement's signed credential, or null. */
export async function endorsementOf(id: string) {
  return endorsementCredentialById(await getDb(), id);
}

import { getDb } from '@/db/client';
import { endorsementsGivenBy } from '@/db/queries/badges/endorsements';
import { normalEmail } from '@/lib/domain/badges';

/** Endorsements a person gave (the portfolio's "given" list). */
export async function endorsementsBy(email: string) {
  return endorsementsGivenBy(await getDb(), normalEmail(email));
}

import { getDb } from '@/db/client';
import { portfolioOf } from '@/db/queries/badges/pages';
import { normalEmail } from '@/lib/domain/badges';

/** A person's badges and requests, newest first (the portfolio). */
export async function badgesOf(email: string) {
  return portfolioOf(await getDb(), normalEmail(email));
}

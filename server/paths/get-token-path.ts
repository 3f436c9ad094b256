import { getDb } from '@/db/client';
import { pathOfToken } from '@/db/queries/paths/subscriptions';

/** The path of an unsubscribe token (the confirmation page), or null. */
export async function subscriptionPathOfToken(token: string): Promise<{ slug: string; title: string } | null> {
  if (!token || token.length > 100) return null;
  return pathOfToken(await getDb(), token);
}

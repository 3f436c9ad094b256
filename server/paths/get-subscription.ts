import { getDb } from '@/db/client';
import { subscriptionRow } from '@/db/queries/paths/subscriptions';

/** Whether `email` (or user) currently receives the path's digest (the follow button's state). */
export async function subscriptionOf(pathSlug: string, who: { email?: string | null; userId?: string | null }) {
  if (!who.email && !who.userId) return null;
  return subscriptionRow(await getDb(), pathSlug, who);
}

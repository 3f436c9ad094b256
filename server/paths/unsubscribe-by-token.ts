import { getDb } from '@/db/client';
import { pathNameOf, unsubscribeToken } from '@/db/queries/paths/subscriptions';

/** One-click unsubscribe by token (List-Unsubscribe-Post). Returns the path's slug and title, or null for an unknown token. */
export async function unsubscribeByToken(token: string, now = new Date()): Promise<{ slug: string; title: string } | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const pathId = await unsubscribeToken(db, token, now);
  return pathId ? pathNameOf(db, pathId) : null;
}

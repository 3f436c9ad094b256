import { getDb } from '@/db/client';
import { actorOf } from '@/db/queries/paths/rows';
import { inReview, type QueueItem } from '@/db/queries/resources/pages';
import { pathsWhere } from '@/lib/policy';

/**
 * The review queue: resources `in_review` on the paths the user reviews (`path.review`: all
 * paths for admins), oldest first; `pathSlug` narrows it to one path.
 */
export async function reviewQueue(userId: string, pathSlug?: string): Promise<QueueItem[]> {
  const db = await getDb();
  const reviewed = pathsWhere((await actorOf(userId)).grants, 'path.review');
  if (reviewed !== 'all' && !reviewed.length) return [];
  return inReview(db, reviewed, pathSlug);
}

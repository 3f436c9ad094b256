import { awardFromRecords } from './award-from-records';
import { logger } from '@/lib/logger';
import { runEvery } from '@/server/jobs/periodic';

/**
 * The award job: every `intervalMs`, issues the built-in achievements (participated, facilitated,
 * contributed) to whoever earned them from the records. It keeps no state of its own: what was
 * issued is in `badge_awards`, one row per achievement and recipient (a unique constraint), so a
 * restart, a second process or a rerun issues nothing twice.
 */
export function startBadgeWorker(intervalMs: number): () => void {
  return runEvery('badge-award', intervalMs, Math.min(intervalMs, 5_000), async () => {
    const issued = await awardFromRecords();
    if (issued) logger().info({ issued }, 'badges issued from records');
  });
}

import { awardFromRecords } from '@/db/queries/badges';
import { logger } from '@/lib/logger';

/**
 * The award job: every `intervalMs`, issues the built-in achievements (participated, facilitated,
 * contributed) to whoever earned them from the records. It keeps no state of its own: what was
 * issued is in `badge_awards`, one row per achievement and recipient (a unique constraint), so a
 * restart, a second process or a rerun issues nothing twice.
 */
export function startBadgeWorker(intervalMs: number): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    awardFromRecords()
      .then((n) => n && logger().info({ issued: n }, 'badges issued from records'))
      .catch((err) => logger().error({ err }, 'badge award pass failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, Math.min(intervalMs, 5_000));
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

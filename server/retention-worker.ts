import { purgeExpired } from '@/db/queries/retention';
import { logger } from '@/lib/logger';

/**
 * The retention job (docs/privacy.md): every `intervalMs`, purges or anonymises the chat
 * messages, attendance and check-ins of events that ended more than `months` months ago. Its state
 * is the `retention_purges` table (written with each purge), so a restart or a second process
 * purges nothing twice and misses nothing.
 */
export function startRetentionWorker(intervalMs: number, months: number): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    purgeExpired({ months })
      .then((done) => done.length && logger().info({ events: done }, 'retention: past events purged'))
      .catch((err) => logger().error({ err }, 'retention pass failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, Math.min(intervalMs, 10_000));
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

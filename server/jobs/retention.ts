import { purgeExpired } from '@/db/queries/retention';
import { logger } from '@/lib/logger';
import { runEvery } from '@/server/jobs/periodic';

/**
 * The retention job (docs/privacy.md): every `intervalMs`, purges or anonymises the chat
 * messages, attendance and check-ins of events that ended more than `months` months ago. Its state
 * is the `retention_purges` table (written with each purge), so a restart or a second process
 * purges nothing twice and misses nothing.
 */
export function startRetentionWorker(intervalMs: number, months: number): () => void {
  return runEvery('retention', intervalMs, Math.min(intervalMs, 10_000), async () => {
    const events = await purgeExpired({ months });
    if (events.length) logger().info({ events }, 'retention: past events purged');
  });
}

import { purgeOrphanAttachments } from '@/db/queries/attachments';
import { logger } from '@/lib/logger';
import { runEvery } from '@/server/jobs/periodic';

/**
 * The orphan-upload job: every `intervalMs`, deletes the uploads (and their variants) that were
 * never attached to a resource or a path, nor made a path's cover, `graceHours` after their
 * upload. An upload waits for the form that uses it to be saved; one never used would otherwise
 * stay in the database for good. One statement per pass: a restart or a second process only
 * means another pass.
 */
export function startAttachmentPurge(intervalMs: number, graceHours: number): () => void {
  return runEvery('attachment-purge', intervalMs, Math.min(intervalMs, 10_000), async () => {
    const removed = await purgeOrphanAttachments(new Date(), graceHours * 3_600_000);
    if (removed) logger().info({ removed }, 'attachment purge: unattached uploads deleted');
  });
}

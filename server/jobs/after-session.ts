import { logger } from '@/lib/logger';
import { settleAttendanceFigures } from '@/db/queries/report';
import { queueAfterSessionMails } from '@/server/feedback/queue-after-session-mails';
import { runEvery } from '@/server/jobs/periodic';

/**
 * The after-session job (docs/privacy.md, "Mails after the sessions"): every `intervalMs` (the mail
 * worker's), queues the feedback requests and "you missed it" of the sessions that ended a quarter
 * of an hour ago, once per session; the mail worker sends them. Its state is in the database
 * (`programme_sessions.after_session_mailed_at`, the outbox's dedupe keys): a restart or a second
 * process queues nothing twice. It also settles the attendance figures of the sessions that ended
 * (`settleAttendanceFigures`, a few per pass), which the organizer's report then reads.
 */
export function startAfterSessionWorker(intervalMs: number): () => void {
  return runEvery('after-session', intervalMs, Math.min(intervalMs, 5_000), async () => {
    const queued = await queueAfterSessionMails();
    if (queued) logger().info({ queued }, 'after-session mails queued');
    const settled = await settleAttendanceFigures();
    if (settled) logger().debug({ settled }, 'attendance figures settled');
  });
}

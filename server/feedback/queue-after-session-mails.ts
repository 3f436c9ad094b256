import { dueAfterSession, queueAfterSession } from '@/db/queries/feedback/after-session';

/**
 * The after-session pass (server/jobs/after-session.ts runs it; the mail worker sends): for each
 * session that ended 15 minutes to 48 hours ago and was not handled yet, queue the feedback
 * requests to those who attended and "you missed it" to registered no-shows, once per session
 * (lib/domain/feedback.ts, db/queries/feedback/after-session.ts). Safe to run twice or in two
 * processes at once. Returns how many mails were queued.
 */
export async function queueAfterSessionMails(now = new Date()): Promise<number> {
  let queued = 0;
  for (const sessionId of await dueAfterSession(now)) {
    const done = await queueAfterSession(sessionId, now);
    if (done) queued += done.feedback + done.missed;
  }
  return queued;
}

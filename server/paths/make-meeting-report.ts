import { getDb } from '@/db/client';
import { mayExportQa } from '@/db/queries/qa';
import { draftSessionResource, pathIdsOfSession, sessionForReport } from '@/db/queries/resources/sessions';
import type { ResourceAuthor } from '@/db/schema';
import type { ResourceActor } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';

/**
 * Turn a session's Q&A export (`markdown`, from lib/exports/qa) into a draft meeting-report
 * resource on every path the session is linked to, with the session linked. For the session
 * event's organizers and moderators, admins, and coordinators of one of those paths. A session
 * linked to no path is a 409.
 */
export async function meetingReportFromQa(
  actor: ResourceActor,
  sessionId: string,
  build: (session: { title: string; startsAt: Date; eventTitle: string }) => Promise<{ title: string; markdown: string; authors?: ResourceAuthor[] }>,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  const s = await sessionForReport(db, sessionId);
  if (!s) throw new DomainError(404, 'not_found', 'No such session.');
  const pathIds = await pathIdsOfSession(db, sessionId);
  const { eventId, ...session } = s;
  const allowed = await mayExportQa(actor.userId, { id: sessionId, eventId });
  if (!pathIds.length) throw new DomainError(409, 'no_path', 'Link this session to a path first.');
  if (!allowed) throw new DomainError(403, 'forbidden', 'Only the event’s organizers and moderators, and the coordinators of its paths, can do that.');
  const { title, markdown, authors } = await build(session);
  return db.transaction((tx) =>
    draftSessionResource(tx, {
      sessionId,
      session,
      pathIds,
      title,
      body: markdown,
      authors,
      format: 'meeting_report',
      licence: 'CC-BY-SA-4.0',
      actor: { userId: actor.userId, name: actor.name },
      note: 'Q&A',
      now,
    }),
  );
}

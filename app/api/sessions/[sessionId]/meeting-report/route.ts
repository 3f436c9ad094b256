import { z } from 'zod';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { proposedResourceResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { meetingReportFromSessionQa } from '@/server/exports/qa';

export const dynamic = 'force-dynamic';

/**
 * One click after a session: its Q&A export becomes a draft meeting-report resource on every
 * path the session is linked to (organizers and moderators of its event, admins, coordinators of
 * those paths). No body. Answers `201 { id, slug }`.
 */
export const POST = endpoint({ params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'account' }, async ({ who, params }) =>
  respond(proposedResourceResponse, await meetingReportFromSessionQa(await actorFromUser(who.id), params.sessionId), { status: 201 }),
);

import { proposedResourceResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { signedInActor } from '@/server/paths-http';
import { meetingReportFromSessionQa } from '@/server/qa-export';

export const dynamic = 'force-dynamic';

/**
 * One click after a session: its Q&A export becomes a draft meeting-report resource on every
 * path the session is linked to (organizers and moderators of its event, admins, coordinators of
 * those paths). No body. Answers `201 { id, slug }`.
 */
export async function POST(_req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const actor = await signedInActor();
  if (!actor.ok) return actor.response;
  return answer(async () => respond(proposedResourceResponse, await meetingReportFromSessionQa(actor.value, sessionId), { status: 201 }));
}

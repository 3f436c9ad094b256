import { moderationResponse } from '@/lib/api/responses';
import { moderationRequest } from '@/lib/domain/video';
import { apiError, invalid, readJson, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { moderateRoom } from '@/server/video';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/room/moderate` `{ action, identity?, trackSid? }`: promote,
 * demote, mute, remove (banned from the session) or end, by the session's moderators.
 */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = moderationRequest.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const identity = await currentParticipant(req);
  return answer(async () => respond(moderationResponse, await moderateRoom(identity, sessionId, parsed.data)));
}

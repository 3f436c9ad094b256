import { recordingResponse } from '@/lib/api/responses';
import { recordingRequest } from '@/lib/domain/replays';
import { apiError, invalid, readJson, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { startRecording, stopRecording } from '@/server/recording';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/recording` `{ action: "start" | "stop" }` (public contract): the
 * session's moderators record its room with LiveKit Egress. Answers `{ status, egressId, replayId }`.
 */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = recordingRequest.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const identity = await currentParticipant(req);
  return answer(async () =>
    respond(recordingResponse, parsed.data.action === 'start' ? await startRecording(identity, sessionId) : await stopRecording(identity, sessionId)),
  );
}

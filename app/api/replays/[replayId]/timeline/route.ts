import { replayTimeline } from '@/db/queries/replays';
import { replayTimelineResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';

export const dynamic = 'force-dynamic';

/** `GET /api/replays/{replayId}/timeline` (public contract): questions and messages with their offsets, and chapters. */
export async function GET(req: Request, ctx: { params: Promise<{ replayId: string }> }) {
  const { replayId } = await ctx.params;
  if (!uuidSchema.safeParse(replayId).success) return apiError(404, 'not_found', 'No such replay.');
  const identity = await currentParticipant(req);
  return answer(async () => {
    const { replay, items, chapters } = await replayTimeline(identity, replayId);
    return respond(replayTimelineResponse, {
      replayId: replay.id,
      sessionId: replay.sessionId,
      startedAt: replay.startedAt,
      durationSeconds: replay.durationSeconds,
      items,
      chapters,
    });
  });
}

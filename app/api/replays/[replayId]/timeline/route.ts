import { z } from 'zod';
import { replayTimeline } from '@/db/queries/replays';
import { replayTimelineResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** `GET /api/replays/{replayId}/timeline` (public contract): questions and messages with their offsets, and chapters. */
export const GET = endpoint({ params: z.object({ replayId: uuidSchema }), notFound: 'No such replay.', who: 'participant?' }, async ({ who, params }) => {
  const { replay, items, chapters } = await replayTimeline(who, params.replayId);
  return respond(replayTimelineResponse, {
    replayId: replay.id,
    sessionId: replay.sessionId,
    startedAt: replay.startedAt,
    durationSeconds: replay.durationSeconds,
    items,
    chapters,
  });
});

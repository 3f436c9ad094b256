import { z } from 'zod';
import { recordingResponse } from '@/lib/api/responses';
import { recordingRequest } from '@/lib/domain/replays';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { startRecording, stopRecording } from '@/server/media/recording';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/recording` `{ action: "start" | "stop" }` (public contract): the
 * session's moderators record its room with LiveKit Egress. Answers `{ status, egressId, replayId }`.
 */
export const POST = endpoint({ params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', body: { schema: recordingRequest } }, async ({ who, params: { sessionId }, body }) =>
  respond(recordingResponse, body.action === 'start' ? await startRecording(who, sessionId) : await stopRecording(who, sessionId)),
);

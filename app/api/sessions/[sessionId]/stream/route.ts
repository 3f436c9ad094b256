import { z } from 'zod';
import { streamOverviewResponse, streamResponse } from '@/lib/api/responses';
import { streamRequest } from '@/lib/domain/streams';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { startStream, stopStream, streamOverview } from '@/server/media/streaming';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: uuidSchema });

/**
 * `POST /api/sessions/{sessionId}/stream` `{ action: "start" | "stop", destinations?: [{ url }] }`
 * (public contract): the session's moderators stream its stage to RTMP destinations with LiveKit
 * Egress (docs/streaming.md). Answers `{ status, egressId }`; the stream keys are never answered.
 */
export const POST = endpoint(
  { params, notFound: 'No such session.', who: 'participant?', body: { schema: streamRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 16 * 1024 } },
  async ({ who, params: { sessionId }, body }) =>
    respond(streamResponse, body.action === 'start' ? await startStream(who, sessionId, body.destinations) : await stopStream(who, sessionId)),
);

/** `GET /api/sessions/{sessionId}/stream`: the moderators see whether it runs and its destinations, masked. */
export const GET = endpoint({ params, notFound: 'No such session.', who: 'participant?' }, async ({ who, params: { sessionId } }) =>
  respond(streamOverviewResponse, await streamOverview(who, sessionId)),
);

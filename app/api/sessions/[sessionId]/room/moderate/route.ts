import { z } from 'zod';
import { moderationResponse } from '@/lib/api/responses';
import { moderationRequest } from '@/lib/domain/video';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { moderateRoom } from '@/server/media/video';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/room/moderate` `{ action, identity?, trackSid? }`: promote,
 * demote, mute, remove (banned from the session) or end, by the session's moderators.
 */
export const POST = endpoint({ params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', body: { schema: moderationRequest } }, async ({ who, params, body }) =>
  respond(moderationResponse, await moderateRoom(who, params.sessionId, body)),
);

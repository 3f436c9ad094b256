import { z } from 'zod';
import { videoTokenResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { issueVideoToken } from '@/server/media/video';
import { videoTokenQuery } from '@/lib/domain/video';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `POST /api/sessions/{sessionId}/livekit-token` → `200 { serverUrl, token, role, room, group }`
 * (during breakout groups, the person's group's room; `?group=` a moderator visits a group).
 * Authenticated by the next-auth session or `Authorization: Bearer <join token>`; `401`, `403`
 * (`not_registered`, `not_confirmed`, `removed`, `room_not_open`), `404`, `503`.
 */
export const POST = endpoint(
  { params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', query: videoTokenQuery },
  async ({ who, params, query }) =>
    respond(videoTokenResponse, await issueVideoToken(who, params.sessionId, new Date(), { groupId: query.group }), { headers: { 'cache-control': 'no-store' } }),
);

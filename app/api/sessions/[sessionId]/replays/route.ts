import { z } from 'zod';
import { addReplay, sessionReplays } from '@/db/queries/replays';
import { replayCreatedResponse, replaysResponse } from '@/lib/api/responses';
import { linkReplayRequest } from '@/lib/domain/replays';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { replayPageUrl } from '@/server/media/recording';
import { replayWire } from '@/server/media/replay-files';

export const dynamic = 'force-dynamic';

const session = { params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.' } as const;

/** `GET /api/sessions/{sessionId}/replays` (public contract): the session's replays ready to watch. */
export const GET = endpoint({ ...session, who: 'participant?' }, async ({ who, params }) => {
  const { replays } = await sessionReplays(who, params.sessionId);
  return respond(replaysResponse, replays.filter((r) => r.status === 'ready').map(replayWire));
});

/** `POST /api/sessions/{sessionId}/replays` `{ url, startedAt, durationSeconds?, title?, licence? }`: a linked replay (moderators). */
export const POST = endpoint({ ...session, who: 'participant?', body: { schema: linkReplayRequest } }, async ({ who, params, body }) => {
  const { startedAt, ...rest } = body;
  const row = await addReplay(who, params.sessionId, { kind: 'link', ...rest, startedAt: new Date(startedAt) }, replayPageUrl);
  return respond(replayCreatedResponse, { ...replayWire(row), pageUrl: replayPageUrl(row.id), resourceId: row.resourceId }, { status: 201 });
});

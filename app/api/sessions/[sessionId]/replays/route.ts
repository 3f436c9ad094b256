import { addReplay, sessionReplays } from '@/db/queries/replays';
import { replayCreatedResponse, replaysResponse } from '@/lib/api/responses';
import { linkReplayRequest } from '@/lib/domain/replays';
import { apiError, invalid, readJson, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { replayPageUrl } from '@/server/recording';
import { replayWire } from '@/server/replay-files';

export const dynamic = 'force-dynamic';

/** `GET /api/sessions/{sessionId}/replays` (public contract): the session's replays ready to watch. */
export async function GET(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const identity = await currentParticipant(req);
  return answer(async () => {
    const { replays } = await sessionReplays(identity, sessionId);
    return respond(replaysResponse, replays.filter((r) => r.status === 'ready').map(replayWire));
  });
}

/** `POST /api/sessions/{sessionId}/replays` `{ url, startedAt, durationSeconds?, title?, licence? }`: a linked replay (moderators). */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = linkReplayRequest.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const identity = await currentParticipant(req);
  return answer(async () => {
    const { startedAt, ...rest } = parsed.data;
    const row = await addReplay(identity, sessionId, { kind: 'link', ...rest, startedAt: new Date(startedAt) }, replayPageUrl);
    return respond(replayCreatedResponse, { ...replayWire(row), pageUrl: replayPageUrl(row.id), resourceId: row.resourceId }, { status: 201 });
  });
}

import { addReplay, moderatedSession } from '@/db/queries/replays';
import { replayCreatedResponse } from '@/lib/api/responses';
import { uploadReplayQuery } from '@/lib/domain/replays';
import { apiError, invalid, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { replayPageUrl } from '@/server/recording';
import { removeReplayFile, replayWire, storeReplayUpload } from '@/server/replay-files';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/replays/upload?startedAt=…[&durationSeconds&title&licence]`, the
 * body being the video itself (moderators): streamed to disk with a cap, checked from its content,
 * then recorded with its draft resource; a refused or failed upload leaves no file behind.
 */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const query = uploadReplayQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return invalid(query.error);
  const identity = await currentParticipant(req);
  return answer(async () => {
    await moderatedSession(identity, sessionId);
    const stored = await storeReplayUpload(sessionId, req.body);
    try {
      const { startedAt, ...rest } = query.data;
      const row = await addReplay(identity, sessionId, { kind: 'upload', ...rest, ...stored, startedAt: new Date(startedAt) }, replayPageUrl);
      return respond(replayCreatedResponse, { ...replayWire(row), pageUrl: replayPageUrl(row.id), resourceId: row.resourceId }, { status: 201 });
    } catch (err) {
      await removeReplayFile(stored.file);
      throw err;
    }
  });
}

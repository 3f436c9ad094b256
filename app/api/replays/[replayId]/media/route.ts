import { replayFile } from '@/db/queries/replays';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { serveReplayFile } from '@/server/replay-files';

export const dynamic = 'force-dynamic';

/** `GET /api/replays/{replayId}/media`: the video file of a recording or an upload, with byte ranges. */
export async function GET(req: Request, ctx: { params: Promise<{ replayId: string }> }) {
  const { replayId } = await ctx.params;
  if (!uuidSchema.safeParse(replayId).success) return apiError(404, 'not_found', 'No such replay.');
  const identity = await currentParticipant(req);
  return answer(async () => {
    const found = await replayFile(identity, replayId);
    if (!found) return apiError(404, 'not_found', 'This replay is a link: it has no file here.');
    return serveReplayFile(found.file, found.contentType, req.headers.get('range'));
  });
}

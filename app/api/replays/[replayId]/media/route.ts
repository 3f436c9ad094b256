import { z } from 'zod';
import { replayFile } from '@/db/queries/replays';
import { apiError } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { serveReplayFile } from '@/server/media/replay-files';

export const dynamic = 'force-dynamic';

/** `GET /api/replays/{replayId}/media`: the video file of a recording or an upload, with byte ranges. */
export const GET = endpoint({ params: z.object({ replayId: uuidSchema }), notFound: 'No such replay.', who: 'participant?' }, async ({ req, who, params }) => {
  const found = await replayFile(who, params.replayId);
  if (!found) return apiError(404, 'not_found', 'This replay is a link: it has no file here.');
  return serveReplayFile(found.file, found.contentType, req.headers.get('range'));
});

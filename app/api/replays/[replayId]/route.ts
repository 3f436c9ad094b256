import { z } from 'zod';
import { deleteReplay } from '@/db/queries/replays';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { removeReplayFile } from '@/server/media/replay-files';

export const dynamic = 'force-dynamic';

/** `DELETE /api/replays/{replayId}`: a replay and its file (moderators of its session). */
export const DELETE = endpoint({ params: z.object({ replayId: uuidSchema }), notFound: 'No such replay.', who: 'participant' }, async ({ who, params }) => {
  const { file } = await deleteReplay(who, params.replayId);
  await removeReplayFile(file);
  return new Response(null, { status: 204 });
});

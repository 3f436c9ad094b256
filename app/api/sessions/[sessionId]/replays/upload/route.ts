import { z } from 'zod';
import { addReplay, moderatedSession } from '@/db/queries/replays';
import { replayCreatedResponse } from '@/lib/api/responses';
import { uploadReplayQuery } from '@/lib/domain/replays';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { replayPageUrl } from '@/server/media/recording';
import { removeReplayFile, replayWire, storeReplayUpload } from '@/server/media/replay-files';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sessions/{sessionId}/replays/upload?startedAt=…[&durationSeconds&title&licence]`, the
 * body being the video itself (moderators): streamed to disk with a cap, checked from its content,
 * then recorded with its draft resource; a refused or failed upload leaves no file behind. The body
 * is a stream, not JSON: it is read here, once the moderator is known.
 */
export const POST = endpoint({ params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'participant?', query: uploadReplayQuery }, async ({ req, who, params: { sessionId }, query }) => {
  await moderatedSession(who, sessionId);
  const stored = await storeReplayUpload(sessionId, req.body);
  try {
    const { startedAt, ...rest } = query;
    const row = await addReplay(who, sessionId, { kind: 'upload', ...rest, ...stored, startedAt: new Date(startedAt) }, replayPageUrl);
    return respond(replayCreatedResponse, { ...replayWire(row), pageUrl: replayPageUrl(row.id), resourceId: row.resourceId }, { status: 201 });
  } catch (err) {
    await removeReplayFile(stored.file);
    throw err;
  }
});

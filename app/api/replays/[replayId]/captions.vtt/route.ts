import { z } from 'zod';
import { replayCaptions, setReplayCaptions } from '@/db/queries/captions/replays';
import { replayCaptionsResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

const params = z.object({ replayId: uuidSchema });

/** `GET /api/replays/{replayId}/captions.vtt` (public contract): the replay's WebVTT, for whoever may watch it; 404 when none. */
export const GET = endpoint({ params, notFound: 'No such replay.', who: 'participant?' }, async ({ who, params: { replayId } }) => {
  const { vtt, lang } = await replayCaptions(who, replayId);
  return new Response(vtt, { headers: { 'content-type': 'text/vtt; charset=utf-8', 'content-language': lang, 'cache-control': 'private, no-cache' } });
});

/**
 * `PUT /api/replays/{replayId}/captions.vtt`, the body being the WebVTT (the request gate caps it
 * at 1 MiB, `text/vtt` or `text/plain`, same origin, the `writes` limit): checked with the parser,
 * then stored (the session's moderators, the coordinators of its paths).
 */
export const PUT = endpoint({ params, notFound: 'No such replay.', who: 'participant' }, async ({ req, who, params: { replayId } }) => {
  const { cues } = await setReplayCaptions(who, replayId, await req.text());
  return respond(replayCaptionsResponse, { replayId, cues });
});

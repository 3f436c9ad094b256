import { z } from 'zod';
import { hlsFileName } from '@/lib/domain/diffusion';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { serveHls } from '@/server/media/diffusion';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/sessions/{sessionId}/hls/index.m3u8` (public contract) and its segments
 * (`/hls/segment_00001.ts`): the session's HLS diffusion while it runs, with byte ranges, for
 * whoever may follow the session (docs/diffusion.md). Any other name is refused (404, as a path that does not exist).
 */
export const GET = endpoint(
  { params: z.object({ sessionId: uuidSchema, file: hlsFileName }), notFound: 'No such session.', who: 'participant?' },
  async ({ req, who, params: { sessionId, file } }) => serveHls(who, sessionId, file, req.headers.get('range')),
);

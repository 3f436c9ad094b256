import { z } from 'zod';
import { diffusionOverviewResponse, diffusionResponse } from '@/lib/api/responses';
import { diffusionRequest } from '@/lib/domain/diffusion';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { diffusionOverview, startDiffusion, stopDiffusion } from '@/server/media/diffusion';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: uuidSchema });

/**
 * `POST /api/sessions/{sessionId}/diffusion` `{ action: "start" | "stop" }`: the session's moderators
 * start or stop its HLS diffusion (docs/diffusion.md). One per session: a second start is a 409.
 */
export const POST = endpoint(
  { params, notFound: 'No such session.', who: 'participant?', body: { schema: diffusionRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 1024 } },
  async ({ who, params: { sessionId }, body }) =>
    respond(diffusionResponse, body.action === 'start' ? await startDiffusion(who, sessionId) : await stopDiffusion(who, sessionId)),
);

/** `GET /api/sessions/{sessionId}/diffusion`: whether the session is a diffusion, whether it runs, and its playlist. */
export const GET = endpoint({ params, notFound: 'No such session.', who: 'participant?' }, async ({ who, params: { sessionId } }) =>
  respond(diffusionOverviewResponse, await diffusionOverview(who, sessionId)),
);

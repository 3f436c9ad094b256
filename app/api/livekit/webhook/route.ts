import { webhookResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { receiveWebhook } from '@/server/media/video';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/livekit/webhook`: LiveKit's webhooks, verified on the raw body (`401 invalid_signature`
 * otherwise), so the body is read here as text rather than declared. Records attendance and the
 * room's live state.
 */
export const POST = endpoint({}, async ({ req }) => {
  const body = await req.text();
  return respond(webhookResponse, await receiveWebhook(body, req.headers.get('authorization')));
});

import { webhookResponse } from '@/lib/api/responses';
import { respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { receiveWebhook } from '@/server/video';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/livekit/webhook`: LiveKit's webhooks, verified on the raw body (`401 invalid_signature`
 * otherwise). Records attendance and the room's live state.
 */
export async function POST(req: Request) {
  const body = await req.text();
  return answer(async () => respond(webhookResponse, await receiveWebhook(body, req.headers.get('authorization'))));
}

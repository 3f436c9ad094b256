import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';

/** A LiveKit webhook as LiveKit signs it (the body's SHA-256 in a token of the test keys), through the real route. */
export async function signedWebhook(event: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify(event);
  const token = new AccessToken(process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return webhookRoute(
    new Request('http://x/api/livekit/webhook', { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() }, body }),
  );
}

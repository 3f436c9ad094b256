import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { register } from '@/db/queries/registrations';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import { setupLivekit } from '@/server/media/livekit';
import { seedAccount } from './factories';

/** A LiveKit webhook as LiveKit signs it (the body's SHA-256 in a token of the test keys), through the real route. */
export async function signedWebhook(event: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify(event);
  const token = new AccessToken(process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return webhookRoute(
    new Request('http://x/api/livekit/webhook', { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() }, body }),
  );
}

/** An egress event (`egress_started`, `egress_updated`, `egress_ended`) about `egressInfo`, signed, through the real route. */
export function egressWebhook(event: string, egressInfo: Record<string, unknown>): Promise<Response> {
  return signedWebhook({ event, id: `EV_${Math.random()}`, createdAt: String(Math.floor(Date.now() / 1000)), egressInfo });
}

/**
 * What the egress suites (streams, diffusion) start from, in a fresh database: LiveKit configured,
 * the demo seeded, a moderator of the demo event, a stranger, and a registrant's personal link.
 */
export async function egressScene(db: Parameters<typeof seedAccount>[0], driver: string, domain: string) {
  await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
  const eventId = (await seed(db)).demoEventId;
  const moderator = (await seedAccount(db, { email: `moderator-${driver}@${domain}`, name: 'Modé', role: 'moderator', eventId })).identity;
  const stranger = (await seedAccount(db, { email: `stranger-${driver}@${domain}`, name: 'Autre' })).identity;
  const { joinToken } = (await register(DEMO_EVENT_SLUG, { name: 'Inès', email: `ines-${driver}@${domain}`, sessionIds: [], answers: {}, consent: true })).registration;
  return { eventId, moderator, stranger, registrantToken: joinToken };
}

import { getSessionById } from '@/db/queries/events';
import { actorKeyOf } from '@/db/queries/identity';
import { eventRoleOf } from '@/db/queries/roles';
import { videoGrant, videoRoleOf, videoRoomOf } from '@/lib/domain/video';
import { apiError } from '@/lib/http';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { livekitSettings, mintToken } from '@/server/livekit';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `POST /api/sessions/{sessionId}/livekit-token` → `200 { serverUrl, token, role }`.
 * Authenticated by the next-auth session or `Authorization: Bearer <join token>`.
 */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const identity = await currentParticipant(req);
  if (!identity) return apiError(401, 'unauthenticated', 'Sign in or use your personal link to join the video.');
  const session = await getSessionById(sessionId);
  if (!session) return apiError(404, 'not_found', 'No such session.');
  if (identity.kind === 'registration' && identity.eventId !== session.eventId) {
    return apiError(403, 'not_registered', 'Your registration is for another event.');
  }
  const settings = livekitSettings();
  if (!settings) return apiError(503, 'video_not_configured', 'Video is not configured on this server.');
  const role = videoRoleOf(await eventRoleOf(identity.userId, session.eventId));
  const token = await mintToken({
    identity: actorKeyOf(identity),
    name: identity.name,
    room: videoRoomOf(session.id),
    grant: videoGrant(role, session.kind),
  });
  return Response.json({ serverUrl: settings.publicUrl, token, role }, { headers: { 'cache-control': 'no-store' } });
}

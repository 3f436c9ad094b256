import { videoTokenResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { issueVideoToken } from '@/server/video';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `POST /api/sessions/{sessionId}/livekit-token` → `200 { serverUrl, token, role }`.
 * Authenticated by the next-auth session or `Authorization: Bearer <join token>`; `401`, `403`
 * (`not_registered`, `not_confirmed`, `removed`, `room_not_open`), `404`, `503`.
 */
export async function POST(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const identity = await currentParticipant(req);
  return answer(async () =>
    respond(videoTokenResponse, await issueVideoToken(identity, sessionId), { headers: { 'cache-control': 'no-store' } }),
  );
}

import { deleteReplay } from '@/db/queries/replays';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentParticipant } from '@/server/auth/current';
import { removeReplayFile } from '@/server/replay-files';

export const dynamic = 'force-dynamic';

/** `DELETE /api/replays/{replayId}`: a replay and its file (moderators of its session). */
export async function DELETE(req: Request, ctx: { params: Promise<{ replayId: string }> }) {
  const { replayId } = await ctx.params;
  if (!uuidSchema.safeParse(replayId).success) return apiError(404, 'not_found', 'No such replay.');
  const identity = await currentParticipant(req);
  if (!identity) return apiError(401, 'unauthenticated', 'Sign in first.');
  return answer(async () => {
    const { file } = await deleteReplay(identity, replayId);
    await removeReplayFile(file);
    return new Response(null, { status: 204 });
  });
}

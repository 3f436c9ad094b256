import { listRevisions, resourceOnPath } from '@/db/queries/resources';
import { revisionsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { currentUser } from '@/server/auth/current';

export const dynamic = 'force-dynamic';

/** A resource's revisions, newest first, each with its diff against the previous one (reviewers of its paths). */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string; resourceId: string }> }) {
  const { path, resourceId } = await ctx.params;
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  if (!(await resourceOnPath(path, resourceId))) return apiError(404, 'not_found', 'No such resource on this path.');
  return answer(async () => respond(revisionsResponse, await listRevisions(user.id, resourceId)));
}

import { resourceOnPath, updateResource } from '@/db/queries/resources';
import { versionResponse } from '@/lib/api/responses';
import { updateResourceRequest } from '@/lib/domain/resources';
import { apiError, respond } from '@/lib/http';
import { signedInWrite } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/** Edit a resource (reviewers of its paths); `version` is the one read (409 if it changed meanwhile). */
export async function PATCH(req: Request, ctx: { params: Promise<{ path: string; resourceId: string }> }) {
  const { path, resourceId } = await ctx.params;
  if (!(await resourceOnPath(path, resourceId))) return apiError(404, 'not_found', 'No such resource on this path.');
  return signedInWrite(req, updateResourceRequest, async (actor, body) => respond(versionResponse, await updateResource(actor, resourceId, body)));
}

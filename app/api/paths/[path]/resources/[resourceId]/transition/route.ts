import { resourceOnPath, transitionResource } from '@/db/queries/resources';
import { transitionResponse } from '@/lib/api/responses';
import { transitionRequest } from '@/lib/domain/resources';
import { apiError, respond } from '@/lib/http';
import { signedInWrite } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/** Move a resource through the workflow: submit, publish, decline (with `reason`), archive, unpublish, reopen. */
export async function POST(req: Request, ctx: { params: Promise<{ path: string; resourceId: string }> }) {
  const { path, resourceId } = await ctx.params;
  if (!(await resourceOnPath(path, resourceId))) return apiError(404, 'not_found', 'No such resource on this path.');
  return signedInWrite(req, transitionRequest, async (actor, body) => respond(transitionResponse, await transitionResource(actor, resourceId, body.action, body.reason)));
}

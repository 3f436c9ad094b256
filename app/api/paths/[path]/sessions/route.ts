import { linkSessionToPath } from '@/db/queries/paths';
import { linkSessionResponse } from '@/lib/api/responses';
import { linkSessionRequest } from '@/lib/domain/resources';
import { respond } from '@/lib/http';
import { signedInWrite } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/** Link (`linked: true`) or unlink a programme session to the path: the event's organizers, admins. */
export async function PUT(req: Request, ctx: { params: Promise<{ path: string }> }) {
  const { path } = await ctx.params;
  return signedInWrite(req, linkSessionRequest, async (actor, body) =>
    respond(linkSessionResponse, { changed: await linkSessionToPath(actor.userId, path, body.sessionId, body.linked) }),
  );
}

import { reorderPathResources } from '@/db/queries/resources';
import { reorderRequest } from '@/lib/domain/resources';
import { signedInWrite } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/** The path's resources in the coordinators' order (those not listed follow, in their order). */
export async function PUT(req: Request, ctx: { params: Promise<{ path: string }> }) {
  const { path } = await ctx.params;
  return signedInWrite(req, reorderRequest, async (actor, body) => {
    await reorderPathResources(actor, path, body.resourceIds);
    return new Response(null, { status: 204 });
  });
}

import { createResource } from '@/db/queries/resources';
import { createdResourceResponse } from '@/lib/api/responses';
import { createResourceRequest } from '@/lib/domain/resources';
import { respond } from '@/lib/http';
import { signedInWrite } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/** A new resource on the path (its coordinators, organizers, admins): a draft, or published with `publish: true`. */
export async function POST(req: Request, ctx: { params: Promise<{ path: string }> }) {
  const { path } = await ctx.params;
  return signedInWrite(req, createResourceRequest, async (actor, body) => respond(createdResourceResponse, await createResource(actor, path, body), { status: 201 }));
}

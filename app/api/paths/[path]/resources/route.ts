import { createdResourceResponse } from '@/lib/api/responses';
import { createResource } from '@/db/queries/resources';
import { createResourceRequest } from '@/lib/domain/resources';
import { signedInWrite } from '@/server/paths-http';
import { respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A new resource on the path (its coordinators, organizers, admins): a draft, or published with `publish: true`. */
export async function POST(req: Request, ctx: { params: Promise<{ path: string }> }) {
  const { path } = await ctx.params;
  return signedInWrite(req, createResourceRequest, async (actor, body) => respond(createdResourceResponse, await createResource(actor, path, body), { status: 201 }));
}

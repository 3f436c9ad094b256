import { atomResponse } from '@/server/paths-feeds';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of the resources published on the path, in the requester's language. */
export async function GET(req: Request, ctx: { params: Promise<{ path: string }> }) {
  return atomResponse(req, (await ctx.params).path);
}

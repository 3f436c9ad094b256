import { atomResponse } from '@/server/paths-feeds';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of the resources published on the path. */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string }> }) {
  return atomResponse((await ctx.params).path);
}

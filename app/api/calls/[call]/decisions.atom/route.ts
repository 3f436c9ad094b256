import { decisionsAtomResponse } from '@/server/calls-feed';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of an open call's decisions, in the requester's language. */
export async function GET(req: Request, ctx: { params: Promise<{ call: string }> }) {
  return decisionsAtomResponse(req, (await ctx.params).call);
}

import { decisionsAtomResponse } from '@/server/calls-feed';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of an open call's decisions. */
export async function GET(_req: Request, ctx: { params: Promise<{ call: string }> }) {
  return decisionsAtomResponse((await ctx.params).call);
}

import { publicProposals } from '@/db/queries/calls';
import { proposalsResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';

export const dynamic = 'force-dynamic';

/** Public contract: an open call's proposals and their decision trail (403 for a closed call). */
export async function GET(_req: Request, ctx: { params: Promise<{ call: string }> }) {
  const slug = (await ctx.params).call;
  return answer(async () => respond(proposalsResponse, await publicProposals(slug, publicUrl())));
}

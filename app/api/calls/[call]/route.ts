import { publicCall } from '@/db/queries/calls';
import { callResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: one call for proposals with its committee, dates and counts. */
export async function GET(_req: Request, ctx: { params: Promise<{ call: string }> }) {
  const call = await publicCall((await ctx.params).call);
  if (!call) return apiError(404, 'call_not_found', 'No such call for proposals.');
  return respond(callResponse, call);
}

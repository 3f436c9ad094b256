import { endorsementOf } from '@/db/queries/badges';
import { apiError } from '@/lib/http';
import { isUuid, vcResponse } from '@/server/badges-http';

export const dynamic = 'force-dynamic';

/** An `EndorsementCredential` of an achievement, as signed. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const doc = isUuid(id) ? await endorsementOf(id) : null;
  return doc ? vcResponse(doc) : apiError(404, 'not_found', 'No such endorsement.');
}

import { achievementsOfIssuer } from '@/db/queries/badges';
import { issuerAchievementsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: the issuer's achievements, each with the recipients who show it publicly. */
export async function GET(_req: Request, ctx: { params: Promise<{ issuer: string }> }) {
  const list = await achievementsOfIssuer((await ctx.params).issuer);
  return list ? respond(issuerAchievementsResponse, list) : apiError(404, 'issuer_not_found', 'No such issuer.');
}

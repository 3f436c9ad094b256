import { achievementsOfIssuer } from '@/server/badges/list-issuer-achievements';
import { issuerAchievementsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: the issuer's achievements, each with the recipients who show it publicly. */
export const GET = endpoint({}, async ({ params }) => {
  const list = await achievementsOfIssuer(params.issuer);
  return list ? respond(issuerAchievementsResponse, list) : apiError(404, 'issuer_not_found', 'No such issuer.');
});

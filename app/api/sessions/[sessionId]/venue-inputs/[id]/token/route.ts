import { venueInputCreatedResponse } from '@/lib/api/responses';
import { endpoint } from '@/server/http/endpoint';
import { respond } from '@/server/http/respond';
import { renewVenueToken } from '@/server/media/venue-inputs';
import { inputRoute, writesLimited } from '../../input';

export const dynamic = 'force-dynamic';

/** `POST …/venue-inputs/{id}/token` → 201: a new token for the same input; the previous one is refused from now on. */
export const POST = endpoint(inputRoute, async ({ req, who, params: { sessionId, id } }) =>
  (await writesLimited(req)) ?? respond(venueInputCreatedResponse, await renewVenueToken(who, sessionId, id), { status: 201, headers: { 'cache-control': 'no-store' } }),
);

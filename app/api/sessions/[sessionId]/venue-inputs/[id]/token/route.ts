import { z } from 'zod';
import { venueInputCreatedResponse } from '@/lib/api/responses';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { rateLimited } from '@/server/http/write-guard';
import { renewVenueToken } from '@/server/media/venue-inputs';

export const dynamic = 'force-dynamic';

/** `POST …/venue-inputs/{id}/token` → 201: a new token for the same input; the previous one is refused from now on. */
export const POST = endpoint(
  { params: z.object({ sessionId: uuidSchema, id: uuidSchema }), notFound: 'No such venue input.', who: 'participant' },
  async ({ req, who, params: { sessionId, id } }) => {
    const limited = await rateLimited('writes', clientAddressOf(req));
    if (limited) return limited;
    return respond(venueInputCreatedResponse, await renewVenueToken(who, sessionId, id), { status: 201, headers: { 'cache-control': 'no-store' } });
  },
);

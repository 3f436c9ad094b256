import { z } from 'zod';
import { venueInputCreatedResponse, venueInputsResponse } from '@/lib/api/responses';
import { venueInputRequest } from '@/lib/domain/venue-inputs';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { respond } from '@/server/http/respond';
import { createVenueInput, venueInputsOf } from '@/server/media/venue-inputs';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: uuidSchema });

/** `GET …/venue-inputs`: the session's inputs in use, without their tokens (moderators and organizers). */
export const GET = endpoint({ params, notFound: 'No such session.', who: 'participant' }, async ({ who, params: { sessionId } }) =>
  respond(
    venueInputsResponse,
    (await venueInputsOf(who, sessionId)).map(({ id, name, createdAt, tokenIssuedAt }) => ({ id, name, createdAt, tokenIssuedAt })),
    { headers: { 'cache-control': 'no-store' } },
  ),
);

/**
 * `POST /api/sessions/{sessionId}/venue-inputs` `{ name }` → `201 { id, whipUrl, token }` (public
 * contract): the session's moderators and organizers; the token is shown this once (docs/api.md).
 */
export const POST = endpoint(
  {
    params,
    notFound: 'No such session.',
    who: 'participant',
    body: { schema: venueInputRequest, limit: ({ req }) => ['writes', clientAddressOf(req)], maxBytes: 4096 },
  },
  async ({ who, params: { sessionId }, body }) =>
    respond(venueInputCreatedResponse, await createVenueInput(who, sessionId, body.name), { status: 201, headers: { 'cache-control': 'no-store' } }),
);

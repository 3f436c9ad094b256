import { z } from 'zod';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { rateLimited } from '@/server/http/write-guard';
import { deleteVenueInput } from '@/server/media/venue-inputs';

export const dynamic = 'force-dynamic';

/** `DELETE /api/sessions/{sessionId}/venue-inputs/{id}` → 204 (public contract): revoked, and off the stage at once. */
export const DELETE = endpoint(
  { params: z.object({ sessionId: uuidSchema, id: uuidSchema }), notFound: 'No such venue input.', who: 'participant' },
  async ({ req, who, params: { sessionId, id } }) => {
    const limited = await rateLimited('writes', clientAddressOf(req));
    if (limited) return limited;
    await deleteVenueInput(who, sessionId, id);
    return new Response(null, { status: 204 });
  },
);

import { endpoint } from '@/server/http/endpoint';
import { deleteVenueInput } from '@/server/media/venue-inputs';
import { inputRoute, writesLimited } from '../input';

export const dynamic = 'force-dynamic';

/** `DELETE /api/sessions/{sessionId}/venue-inputs/{id}` → 204 (public contract): revoked, and off the stage at once. */
export const DELETE = endpoint(inputRoute, async ({ req, who, params: { sessionId, id } }) => {
  const limited = await writesLimited(req);
  if (limited) return limited;
  await deleteVenueInput(who, sessionId, id);
  return new Response(null, { status: 204 });
});

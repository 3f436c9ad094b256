import { publicSessions } from '@/db/queries/public';
import { sessionsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: the event's sessions with seat counts and live state. */
export const GET = endpoint({}, async ({ params }) => {
  const sessions = await publicSessions(params.event);
  if (!sessions) return apiError(404, 'event_not_found', 'No such event.');
  return respond(sessionsResponse, sessions);
});

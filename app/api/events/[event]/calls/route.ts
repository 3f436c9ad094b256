import { callsOfEvent } from '@/server/calls/list-event-calls';
import { callsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: the event's calls for proposals. */
export const GET = endpoint({}, async ({ params }) => {
  const list = await callsOfEvent(params.event);
  if (!list) return apiError(404, 'event_not_found', 'No such event.');
  return respond(callsResponse, list);
});

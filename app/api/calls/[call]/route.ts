import { publicCall } from '@/server/calls/get-public-call';
import { callResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: one call for proposals with its committee, dates and counts. */
export const GET = endpoint({}, async ({ params }) => {
  const call = await publicCall(params.call);
  if (!call) return apiError(404, 'call_not_found', 'No such call for proposals.');
  return respond(callResponse, call);
});

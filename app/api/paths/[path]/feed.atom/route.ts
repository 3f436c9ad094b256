import { atomResponse } from '@/server/paths/feeds';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of the resources published on the path, in the requester's language. */
export const GET = endpoint({}, async ({ req, params }) => {
  return atomResponse(req, params.path);
});

import { atomResponse } from '@/server/paths/feeds';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of the resources published on every path, in the requester's language. */
export const GET = endpoint({}, ({ req }) => {
  return atomResponse(req);
});

import { decisionsAtomResponse } from '@/server/calls/feed';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of an open call's decisions, in the requester's language. */
export const GET = endpoint({}, async ({ req, params }) => {
  return decisionsAtomResponse(req, params.call);
});

import { atomResponse } from '@/server/paths-feeds';

export const dynamic = 'force-dynamic';

/** Public contract: Atom feed (RFC 4287) of the resources published on every path, in the requester's language. */
export function GET(req: Request) {
  return atomResponse(req);
}

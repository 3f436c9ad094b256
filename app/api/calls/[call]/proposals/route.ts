import { publicProposals } from '@/server/calls/list-public-proposals';
import { proposalsResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: an open call's proposals and their decision trail (403 for a closed call). */
export const GET = endpoint({}, async ({ params }) => {
  return respond(proposalsResponse, await publicProposals(params.call, publicUrl()));
});

import { listIssuers } from '@/server/badges/list-issuers';
import { issuersResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: the Open Badges issuers (each event, and the platform), `[{ id, slug, name }]`. */
export const GET = endpoint({}, async () => {
  return respond(issuersResponse, await listIssuers());
});

import { endorsementOf } from '@/server/badges/get-endorsement';
import { apiError } from '@/server/http/respond';
import { vcResponse } from '@/server/badges/http';
import { isUuid } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** An `EndorsementCredential` of an achievement, as signed. */
export const GET = endpoint({}, async ({ params: { id } }) => {
  const doc = isUuid(id) ? await endorsementOf(id) : null;
  return doc ? vcResponse(doc) : apiError(404, 'not_found', 'No such endorsement.');
});

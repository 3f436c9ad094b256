import { exportPersonData } from '@/db/queries/my-data';
import { myDataResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * Everything Chemins holds about the person asking, as one JSON document to download (signed in,
 * or a registrant's personal link: bearer token or the join cookie). docs/privacy.md.
 */
export const GET = endpoint({ who: 'person' }, async ({ who }) =>
  respond(myDataResponse, await exportPersonData(who), {
    headers: { 'cache-control': 'private, no-store', 'content-disposition': 'attachment; filename="chemins-mes-donnees.json"' },
  }),
);

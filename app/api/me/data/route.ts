import { exportPersonData } from '@/db/queries/my-data';
import { myDataResponse } from '@/lib/api/responses';
import { respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { personOfRequest } from '@/server/my-data-http';

export const dynamic = 'force-dynamic';

/**
 * Everything Chemins holds about the person asking, as one JSON document to download (signed in,
 * or a registrant's personal link: bearer token or the join cookie). docs/privacy.md.
 */
export async function GET(req: Request) {
  const who = await personOfRequest(req);
  if (!who.ok) return who.response;
  return answer(async () =>
    respond(myDataResponse, await exportPersonData(who.ref), {
      headers: { 'cache-control': 'private, no-store', 'content-disposition': 'attachment; filename="chemins-mes-donnees.json"' },
    }),
  );
}

import { exportPersonData } from '@/db/queries/my-data';
import { myDataResponse } from '@/lib/api/responses';
import { myDataQuery } from '@/lib/domain/privacy';
import { invalid, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { personOfRequest } from '@/server/my-data-http';

export const dynamic = 'force-dynamic';

/**
 * Everything Chemins holds about the person asking, as one JSON document to download (signed in,
 * or a registrant's personal link: `?token=`, bearer token or the join cookie). docs/privacy.md.
 */
export async function GET(req: Request) {
  const query = myDataQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return invalid(query.error);
  const who = await personOfRequest(req, query.data.token);
  if (!who.ok) return who.response;
  return answer(async () =>
    respond(myDataResponse, await exportPersonData(who.ref), {
      headers: { 'cache-control': 'private, no-store', 'content-disposition': 'attachment; filename="chemins-mes-donnees.json"' },
    }),
  );
}

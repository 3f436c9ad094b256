import { erasePerson } from '@/db/queries/my-data';
import { erasureResponse } from '@/lib/api/responses';
import { eraseRequest } from '@/lib/domain/privacy';
import { respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { guardJson, rateLimited } from '@/lib/write-guard';
import { clientAddressOf } from '@/server/http/rate-limit';
import { personOfRequest } from '@/server/my-data-http';

export const dynamic = 'force-dynamic';

/**
 * Erase the asking person's account and personal data, in one transaction (signed in, or a
 * registrant's personal link: bearer token or the join cookie). Who asks is known before the
 * request gate, so that a stranger gets a 401 (not a 429). What is erased and what is
 * anonymised: docs/privacy.md.
 */
export async function POST(req: Request) {
  const who = await personOfRequest(req);
  if (!who.ok) return who.response;
  const body = await guardJson(req, ['erasuresPerAddress', clientAddressOf(req)], eraseRequest, { maxBytes: 4096 });
  if (!body.ok) return body.response;
  const key = 'userId' in who.ref ? `user:${who.ref.userId}` : `registration:${who.ref.registrationId}`;
  const limited = await rateLimited('erasuresPerPerson', key);
  if (limited) return limited;
  return answer(async () => respond(erasureResponse, { erased: true, ...(await erasePerson(who.ref, { keepName: body.data.keepName })) }));
}

import { erasePerson } from '@/db/queries/my-data';
import { erasureResponse } from '@/lib/api/responses';
import { eraseRequest } from '@/lib/domain/privacy';
import { respond } from '@/server/http/respond';
import { rateLimited } from '@/server/http/write-guard';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * Erase the asking person's account and personal data, in one transaction (signed in, or a
 * registrant's personal link: bearer token or the join cookie). Who asks is known before the
 * request gate, so that a stranger gets a 401 (not a 429). What is erased and what is
 * anonymised: docs/privacy.md.
 */
export const POST = endpoint(
  { who: 'person', body: { schema: eraseRequest, limit: ({ req }) => ['erasuresPerAddress', clientAddressOf(req)], maxBytes: 4096 } },
  async ({ who, body }) => {
    const key = 'userId' in who ? `user:${who.userId}` : `registration:${who.registrationId}`;
    const limited = await rateLimited('erasuresPerPerson', key);
    if (limited) return limited;
    return respond(erasureResponse, { erased: true, ...(await erasePerson(who, { keepName: body.keepName })) });
  },
);

import { erasePerson } from '@/db/queries/my-data';
import { erasureResponse } from '@/lib/api/responses';
import { eraseRequest } from '@/lib/domain/privacy';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { allow } from '@/lib/upload-guard';
import { guardJson } from '@/lib/write-guard';
import { personOfRequest } from '@/server/my-data-http';

export const dynamic = 'force-dynamic';

/**
 * Erase the asking person's account and personal data, in one transaction (signed in, or a
 * registrant's personal link: bearer token or the join cookie). Who asks is known before the
 * request gate, so that a stranger gets a 401 (not a 429). What is erased and what is
 * anonymised: docs/privacy.md.
 */
export async function POST(req: Request) {
  const ip = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
  const who = await personOfRequest(req);
  if (!who.ok) return who.response;
  const body = await guardJson(req, `erase-ip:${ip}`, eraseRequest, { maxBytes: 4096, perTenMinutes: 30 });
  if (!body.ok) return body.response;
  const key = 'userId' in who.ref ? `user:${who.ref.userId}` : `registration:${who.ref.registrationId}`;
  if (!allow(`erase:${key}`, 5)) return apiError(429, 'rate_limited', 'Too many requests; try again in a few minutes.');
  return answer(async () => respond(erasureResponse, { erased: true, ...(await erasePerson(who.ref, { keepName: body.data.keepName })) }));
}

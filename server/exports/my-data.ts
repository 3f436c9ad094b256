import { registrationIdOfToken, type PersonRef } from '@/db/queries/my-data';
import { apiError } from '@/server/http/respond';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';

/**
 * Whose data a /api/me/data or /api/me/erase request is about: the registrant of a personal link
 * token given as `Authorization: Bearer <token>` (never in the URL, where logs and Referers keep
 * it), else the signed-in account, else the registration whose personal link this browser opened
 * (active or cancelled); or a 401.
 */
export async function personOfRequest(req: Request): Promise<{ ok: true; ref: PersonRef } | { ok: false; response: Response }> {
  const auth = req.headers.get('authorization');
  const given = auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined;
  if (given) {
    const registrationId = await registrationIdOfToken(given);
    // An unknown (or erased, hence replaced) token is a failed authentication, like any bad credential.
    if (!registrationId) return { ok: false, response: apiError(401, 'unauthenticated', 'This personal link is not valid (any more).') };
    return { ok: true, ref: { registrationId } };
  }
  const user = await currentUser();
  if (user) return { ok: true, ref: { userId: user.id } };
  const registrationId = await currentLinkRegistrationId();
  if (registrationId) return { ok: true, ref: { registrationId } };
  return { ok: false, response: apiError(401, 'unauthenticated', 'Sign in, or use your personal link.') };
}

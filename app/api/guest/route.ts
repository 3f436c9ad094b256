import { parse as parseCookie } from 'cookie';
import { NextResponse } from 'next/server';
import { config, publicUrl } from '@/lib/config';
import { sessionByShortCode } from '@/db/queries/live';
import { guestRequest, roomAdmitsGuests } from '@/lib/domain/live';
import { apiError } from '@/server/http/respond';
import { GUEST_COOKIE, guestCookie, guestSecret, renewedGuestIdentity, signGuestToken, verifyGuestToken } from '@/server/auth/guest';
import { cameOverHttps } from '@/server/auth/link-cookie';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/guard';
import { rateLimiter } from '@/server/http/rate-limit';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/guest`: a guest identity for live rooms, issued by the server in the signed, httpOnly
 * `chemins-guest` cookie (server/auth/guest.ts); the realtime handshake reads it. A browser that
 * already holds a valid one keeps its id (renewed); a new identity counts in the per-address
 * `guests` limit. With `room` (from the room's QR code, `/q/{code}`), the identity is admitted to
 * that session, under the first name given if any, where the room admits guests (else `403
 * registration_required`).
 */
export const POST = endpoint({ body: { schema: guestRequest, empty: {} } }, async ({ req, body }) => {
  let entry: { sessionId: string; name?: string } | undefined;
  if (body.room) {
    const session = await sessionByShortCode(body.room);
    if (!session) return apiError(404, 'session_not_found', 'No session has this code.');
    if (!roomAdmitsGuests(session)) {
      return apiError(403, 'registration_required', 'This session is for registrants: register to the event to ask and vote.');
    }
    entry = { sessionId: session.id, name: body.name };
  }
  const secret = guestSecret(config());
  const held = verifyGuestToken(parseCookie(req.headers.get('cookie') ?? '')[GUEST_COOKIE], secret);
  if (!held) {
    const wait = await rateLimiter().hit('guests', req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
    if (wait !== null) {
      const refused = apiError(429, 'rate_limited', `Too many new guests from this address; try again in ${wait} s.`);
      refused.headers.set('retry-after', String(wait));
      return refused;
    }
  }
  const res = new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  const token = signGuestToken(renewedGuestIdentity(held, Date.now(), entry), secret);
  res.cookies.set(guestCookie(token, publicUrl().startsWith('https://') || cameOverHttps(req)));
  return res;
});

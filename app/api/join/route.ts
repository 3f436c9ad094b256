import { NextResponse } from 'next/server';
import { openLinkSession } from '@/db/queries/identity';
import { apiError } from '@/server/http/respond';
import { sitePath } from '@/lib/security/paths';
import { cameOverHttps, linkCookie } from '@/server/auth/link-cookie';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/join?token=…&next=/events/…`: the personal link's way into live rooms. Identifies this
 * browser as the registrant (a link session in an httpOnly cookie, as `/r/{token}` does), then goes on.
 */
export const GET = endpoint({}, async ({ req, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const opened = await openLinkSession(token, { activeOnly: true });
  if (!opened) return apiError(404, 'registration_not_found', 'This personal link is not valid (or the registration was cancelled).');
  // A relative Location keeps the host the person used (behind a proxy, req.url may name another).
  const res = new NextResponse(null, {
    status: 303,
    // Only a path of this site is followed (`/\\evil.example` or `/%09/evil.example` are not).
    headers: { Location: sitePath(url.searchParams.get('next')) ?? '/r' },
  });
  res.cookies.set(linkCookie(opened.secret, cameOverHttps(req)));
  return res;
});

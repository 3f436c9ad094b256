import { NextResponse } from 'next/server';
import { openLinkSession } from '@/db/queries/identity';
import { cameOverHttps, linkCookie } from '@/server/auth/link-cookie';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * `GET /r/{token}`, the personal link sent by e-mail: identifies this browser as the registrant
 * (a link session in an httpOnly cookie; the token does not stay in the address bar or in the
 * history), then shows the personal page `/r`. An unknown token leads to `/r?invalid=1`.
 */
export const GET = endpoint({}, async ({ req, url, params: { token } }) => {
  const opened = await openLinkSession(token);
  const fresh = url.searchParams.has('new');
  const res = new NextResponse(null, {
    status: 303,
    headers: {
      Location: opened ? (fresh ? '/r?new=1' : '/r') : '/r?invalid=1',
      'Cache-Control': 'no-store',
      // The next page's requests do not carry this address (and its token) as their referrer.
      'Referrer-Policy': 'no-referrer',
    },
  });
  if (opened) res.cookies.set(linkCookie(opened.secret, cameOverHttps(req)));
  return res;
});

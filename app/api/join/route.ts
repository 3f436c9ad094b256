import { NextResponse } from 'next/server';
import { identityFromJoinToken } from '@/db/queries/identity';
import { publicUrl } from '@/lib/config';
import { apiError } from '@/lib/http';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';
import { sitePath } from '@/lib/security/paths';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/join?token=…&next=/events/…`: the personal link's way into live rooms. Remembers the
 * registration in an httpOnly cookie (realtime and video accept it like a sign-in), then goes on.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const token = url.searchParams.get('token') ?? '';
  const identity = await identityFromJoinToken(token);
  if (!identity) return apiError(404, 'registration_not_found', 'This personal link is not valid (or the registration was cancelled).');
  // A relative Location keeps the host the person used (behind a proxy, req.url may name another).
  const res = new NextResponse(null, {
    status: 303,
    // Only a path of this site is followed (`/\\evil.example` or `/%09/evil.example` are not).
    headers: { Location: sitePath(url.searchParams.get('next')) ?? `/r/${encodeURIComponent(token)}` },
  });
  res.cookies.set(JOIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 90 * 24 * 3600,
    secure: publicUrl().startsWith('https://') || (req.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '')) === 'https',
  });
  return res;
}

import { LINK_SESSION_DAYS } from '@/db/queries/identity';
import { publicUrl } from '@/lib/config';
import { JOIN_COOKIE } from '@/lib/realtime/protocol';

/**
 * The cookie that keeps a browser identified after it opened a personal link: the link session's
 * secret (db/queries/identity.ts `openLinkSession`), httpOnly, Secure when the site is reached
 * over https (`PUBLIC_URL`, or the request's own scheme / X-Forwarded-Proto).
 */
export function linkCookie(secret: string, https: boolean) {
  return {
    name: JOIN_COOKIE,
    value: secret,
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    maxAge: LINK_SESSION_DAYS * 86_400,
    secure: publicUrl().startsWith('https://') || https,
  };
}

/** Whether a request came over https, as far as it says (its URL, or the proxy's X-Forwarded-Proto). */
export function cameOverHttps(req: Request): boolean {
  return (req.headers.get('x-forwarded-proto') ?? new URL(req.url).protocol.replace(':', '')) === 'https';
}

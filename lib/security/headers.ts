/**
 * Security headers of every answer (set once, by the Node server: docs/deployment.md). The
 * Content-Security-Policy carries a fresh nonce per request: Next reads it from the request's
 * own `content-security-policy` header and puts it on every script it renders, so no inline
 * script runs without it. Styles keep 'unsafe-inline' (React `style` attributes and LiveKit's
 * components need it; a style cannot run code). LiveKit is reached over ws(s) and http(s) at its
 * public URL; Socket.IO is same-origin.
 */
import { PEERTUBE_HOSTS } from '@/lib/domain/media-embed';

export type CspOptions = {
  nonce: string;
  /** LiveKit's URL as browsers reach it (ws(s):// or http(s)://), if video is configured. */
  livekitUrl?: string | null;
  /** The LiveKit URL egress gave the composite layout page (lib/domain/composite.ts), when that page is asked for. */
  egressLivekitUrl?: string | null;
  /** Next's development server evaluates code for Fast Refresh. */
  dev?: boolean;
};

/** The http(s) and ws(s) origins of a URL (LiveKit signals over WebSocket and checks over HTTP). */
function origins(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const secure = u.protocol === 'https:' || u.protocol === 'wss:';
  return [`${secure ? 'https' : 'http'}://${u.host}`, `${secure ? 'wss' : 'ws'}://${u.host}`];
}

export function contentSecurityPolicy({ nonce, livekitUrl, egressLivekitUrl, dev = false }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Replays may be a link to a video file elsewhere (lib/domain/replays `replayPlayer`).
    'media-src': ["'self'", 'blob:', 'mediastream:', 'https:'],
    // The video hosts whose players are embedded (lib/domain/media-embed), and nothing else.
    'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', ...PEERTUBE_HOSTS.map((h) => `https://${h}`)],
    'connect-src': ["'self'", ...[livekitUrl, egressLivekitUrl].flatMap((u) => (u ? origins(u) : [])), ...(dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** Every header but the CSP (same for every answer). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Personal links carry a token in their path: never sent to another site.
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

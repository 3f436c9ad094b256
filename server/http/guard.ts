import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { allowedMethods } from '@/lib/api/routes';
import { config, publicUrl } from '@/lib/config';
import { MAX_REPLAY_BYTES, REPLAY_VIDEO_TYPES } from '@/lib/domain/replays';
import { MAX_ATTACHMENT_BYTES } from '@/lib/attachments';
import { MULTIPART_SLACK } from './upload-guard';
import type { ApiError } from '@/lib/validation';
import { CLIENT_ADDRESS_HEADER, type RateLimiter, rateLimiter } from './rate-limit';

/**
 * The one gate every HTTP request passes before anything reads it (server/index.ts), for the
 * rules no route should have to repeat (docs/deployment.md, "Limits"):
 *
 * - a method outside GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS is `405`, and so is one an API
 *   operation path does not have (lib/api/routes.ts `allowedMethods`), with `Allow`;
 * - a NUL byte in the address (`%00`) is `400` (Postgres refuses it in text);
 * - a body larger than its route's limit is `413`, refused on its Content-Length before a byte of
 *   it is read; a body of unknown length (chunked) is `411`, except where a route counts the
 *   bytes as they come (registrations);
 * - a state-changing request (POST, PUT, PATCH, DELETE) from a foreign `Origin` (or a browser's
 *   `Sec-Fetch-Site: cross-site`) is `403`; one whose body is not of its route's content type
 *   (`application/json` for the API) is `415`; past the per-address rate limit, `429` with
 *   `Retry-After`.
 *
 * Refusals have the public error shape. The client address (the socket's, or X-Forwarded-For's
 * last hop with TRUST_PROXY=1) is handed on to Next in `x-chemins-client-address`.
 */

export { CLIENT_ADDRESS_HEADER };

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KiB = 1024;

export type RoutePolicy = {
  /** Largest body accepted, in bytes. */
  maxBody: number;
  /** Content types a non-empty body may have (null: any). */
  types: string[] | null;
  /** The route reads chunked bodies itself, with the same cap. */
  streams?: boolean;
  /** Counted per client address in the writes limit. */
  limited: boolean;
  /** Also counted in the per-address limit of what sends a mail. */
  mails?: boolean;
};

const JSON_TYPES = ['application/json'];

/** Each route's limits (the first match wins); anything else is a page (server actions). */
const ROUTES: [RegExp, RoutePolicy][] = [
  // Registrations: the Node server's own handler (server/http/registrations.ts).
  [/^\/api\/events\/[^/]+\/registrations$/, { maxBody: 256 * KiB, types: JSON_TYPES, streams: true, limited: true }],
  // LiveKit's webhooks: signed, sent by the LiveKit server (one address, many events).
  [/^\/api\/livekit\/webhook$/, { maxBody: 64 * KiB, types: ['application/webhook+json', 'application/json'], limited: false }],
  [/^\/api\/sessions\/[^/]+\/room\/moderate$/, { maxBody: 4 * KiB, types: JSON_TYPES, limited: true }],
  // Replay uploads: the video is the body, counted by the route as it is written (server/media/replay-files.ts).
  [/^\/api\/sessions\/[^/]+\/replays\/upload$/, { maxBody: MAX_REPLAY_BYTES, types: [...REPLAY_VIDEO_TYPES, 'application/octet-stream'], streams: true, limited: true }],
  // A replay's captions: a WebVTT file is the body.
  [/^\/api\/replays\/[^/]+\/captions\.vtt$/, { maxBody: 1024 * KiB, types: ['text/vtt', 'text/plain'], limited: true }],
  // Sign-in links: a form post that sends a mail.
  [/^\/api\/auth\/signin\/email$/, { maxBody: 4 * KiB, types: ['application/x-www-form-urlencoded'], limited: true, mails: true }],
  [/^\/api\/auth\//, { maxBody: 16 * KiB, types: ['application/x-www-form-urlencoded', 'application/json'], limited: true }],
  // Attachments: a file in a multipart form, counted by the upload route as it reads (lib/upload-guard).
  [/^\/api\/attachments$/, { maxBody: MAX_ATTACHMENT_BYTES + MULTIPART_SLACK, types: ['multipart/form-data'], streams: true, limited: true }],
  // One-click unsubscribe (RFC 8058): mail clients post `List-Unsubscribe=One-Click` as a form.
  [/^\/api\/paths\/[^/]+\/unsubscribe$/, { maxBody: 4 * KiB, types: ['application/x-www-form-urlencoded', 'multipart/form-data'], limited: true }],
  // Paths: resources carry a Markdown body (lib/write-guard reads at most 256 KiB).
  [/^\/api\/paths\//, { maxBody: 256 * KiB, types: JSON_TYPES, limited: true }],
  [/^\/api\//, { maxBody: 16 * KiB, types: JSON_TYPES, limited: true }],
  // Pages: Next's server actions (multipart or text bodies; Next checks their Origin too).
  [/^/, { maxBody: 1024 * KiB, types: null, limited: true }],
];

export function policyFor(path: string): RoutePolicy {
  return ROUTES.find(([re]) => re.test(path))![1];
}

/** The client's address: the socket's, or the last hop of X-Forwarded-For behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The host name of a Host header value (`example.org:8080` → `example.org`, `[::1]:3000` → `[::1]`). */
const hostname = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

/**
 * True when a browser sent this request from another site: an `Origin` whose host name is neither
 * this request's (its `Host`, or `X-Forwarded-Host` behind a trusted proxy) nor PUBLIC_URL's, or
 * `Sec-Fetch-Site: cross-site`. Ports are not compared: cookies are not kept apart by port either,
 * and a proxy may pass `Host` without the port people used. No Origin (a command-line client, a
 * server) is not foreign: such a client carries no one else's cookies.
 */
export function foreignOrigin(headers: IncomingHttpHeaders, opts: { publicOrigin: string; trustProxy: boolean }): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  let from: string;
  try {
    from = new URL(origin).hostname.toLowerCase();
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
  const forwarded = opts.trustProxy ? String(headers['x-forwarded-host'] ?? '').split(',')[0]!.trim() : '';
  const ours = [new URL(opts.publicOrigin).hostname.toLowerCase(), hostname(forwarded || (headers.host ?? ''))];
  return !ours.includes(from);
}

export type GuardOptions = { publicOrigin: string; trustProxy: boolean; limiter?: () => RateLimiter };

/** A JSON answer, not cached (the guard's refusals, the registrations handler). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body: ApiError = { error: { code, message } };
  sendJson(res, status, body, headers);
}

/** Refuse without reading the body: the connection is closed after the answer. */
function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  refuse(res, status, code, message, { connection: 'close', ...headers });
  req.on('error', () => {});
  res.on('finish', () => req.socket.destroySoon?.());
}

/** A request guard: resolves true when it has answered (refused) the request. */
export function createGuard(opts: GuardOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const limiter = opts.limiter ?? rateLimiter;
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (!METHODS.has(method)) {
      refuseUnread(req, res, 405, 'method_not_allowed', `${method} is not supported.`, { allow: [...METHODS].join(', ') });
      return true;
    }
    if (/%00|\u0000/i.test(url)) {
      refuseUnread(req, res, 400, 'invalid_request', 'The address contains a NUL byte.');
      return true;
    }
    const path = url.split('?')[0]!;
    const allowed = allowedMethods(path);
    if (allowed && method !== 'OPTIONS' && !allowed.includes(method)) {
      refuseUnread(req, res, 405, 'method_not_allowed', `${method} is not supported here.`, { allow: allowed.join(', ') });
      return true;
    }
    const policy = policyFor(path);
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (chunked && !policy.streams) {
      refuseUnread(req, res, 411, 'length_required', 'Send the body with a Content-Length.');
      return true;
    }
    if (length !== undefined && Number(length) > policy.maxBody) {
      refuseUnread(req, res, 413, 'payload_too_large', `The request body is larger than ${policy.maxBody} bytes.`);
      return true;
    }
    const address = clientAddress(req, opts.trustProxy);
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    if (!WRITES.has(method)) return false;

    if (foreignOrigin(req.headers, opts)) {
      refuseUnread(req, res, 403, 'forbidden_origin', 'Requests from another site are not accepted.');
      return true;
    }
    const hasBody = chunked || Number(length ?? 0) > 0;
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (hasBody && policy.types && !policy.types.includes(type)) {
      refuseUnread(req, res, 415, 'unsupported_media_type', `The request body must be ${policy.types.join(' or ')}.`);
      return true;
    }
    if (policy.limited) {
      const wait = (await limiter().hit('writes', address)) ?? (policy.mails ? await limiter().hit('mailPerAddress', address) : null);
      if (wait !== null) {
        refuseUnread(req, res, 429, 'rate_limited', `Too many requests; try again in ${wait} s.`, { 'retry-after': String(wait) });
        return true;
      }
    }
    return false;
  };
}

/**
 * Socket.IO's `allowRequest`: a connection that carries cookies (a sign-in, a personal link's
 * cookie) from a foreign Origin is refused, so that another site cannot act as its visitor.
 */
export function realtimeHandshakeAllowed(req: IncomingMessage): boolean {
  if (!req.headers.cookie) return true;
  const c = config();
  return !foreignOrigin(req.headers, { publicOrigin: new URL(publicUrl()).origin, trustProxy: c.TRUST_PROXY === '1' });
}

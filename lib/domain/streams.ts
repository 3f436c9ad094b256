/**
 * The stream out of a session (issue 28, docs/streaming.md): which RTMP addresses are accepted, and
 * how a stream key is shown once saved (masked). Pure rules; the queries are in db/queries/streams.ts,
 * the engine (LiveKit Egress) in server/media/streaming.ts.
 */
import { z } from 'zod';

/** At most this many destinations per session (each one more encoder output on the egress). */
export const MAX_STREAM_DESTINATIONS = 5;

/** An RTMP address as services give it: `rtmp(s)://host[:port]/app/streamkey`, the key its last segment. */
export function parseStreamUrl(raw: string): { url: URL; base: string; key: string } | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'rtmp:' && url.protocol !== 'rtmps:') return null;
  if (!url.hostname || url.username || url.password || url.hash) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  // An application and a key at least (PeerTube: /live/<key>, YouTube: /live2/<key>).
  if (segments.length < 2) return null;
  const key = segments.at(-1)! + url.search;
  return { url, base: `${url.protocol}//${url.host}/${segments.slice(0, -1).join('/')}`, key };
}

/**
 * What is shown of a saved destination: its address with the key hidden, the key's last four
 * characters kept when it is long enough for them to say little (`rtmp://host/app/••••1234`).
 */
export function maskStreamUrl(raw: string): string {
  const parsed = parseStreamUrl(raw);
  if (!parsed) return '••••';
  const tail = parsed.key.length >= 12 ? parsed.key.slice(-4) : '';
  return `${parsed.base}/••••${tail}`;
}

/** A text with every stream key of `urls` replaced by its mask (egress's errors, before they are kept or logged). */
export function withoutStreamKeys(text: string, urls: string[]): string {
  let out = text;
  for (const raw of urls) {
    const parsed = parseStreamUrl(raw);
    if (!parsed) continue;
    out = out.split(raw).join(maskStreamUrl(raw)).split(parsed.key).join('••••');
  }
  return out;
}

const streamUrl = z
  .string()
  .max(2048)
  .refine((v) => parseStreamUrl(v) !== null, { message: 'An rtmp:// or rtmps:// address with its application and stream key (rtmp://host/app/key).' });

/** `POST /api/sessions/{id}/stream` (public contract): `destinations` replaces the session's saved ones. */
export const streamRequest = z
  .object({
    action: z.enum(['start', 'stop']),
    destinations: z
      .array(z.object({ url: streamUrl }).strict())
      .min(1)
      .max(MAX_STREAM_DESTINATIONS)
      .refine((list) => new Set(list.map((d) => d.url.trim())).size === list.length, { message: 'The same address twice.' })
      .optional(),
  })
  .strict()
  .refine((r) => r.action === 'start' || r.destinations === undefined, { message: 'Destinations are given with start.', path: ['destinations'] });
export type StreamRequest = z.infer<typeof streamRequest>;

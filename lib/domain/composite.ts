import { z } from 'zod';
import type { CaptionLine } from '../realtime/protocol';
import { sessionIdOfRoom } from './video';

/**
 * The stage's composite (issues 28 and 29, docs/replays.md "The composite"): a layout page served by
 * Chemins (`/media/layout`) that LiveKit Egress's Chromium opens to record and stream a session —
 * the venue input, the speakers, the pinned sign-language interpreter, the session's title and a
 * lower third. No dependency but zod and the room names, so the page's client code may import it.
 */

/** The layout page's path under the app's base URL (egress adds `?url=…&token=…&layout=…`). */
export const COMPOSITE_PATH = '/media/layout';

const livekitUrl = z
  .string()
  .max(2048)
  .regex(/^wss?:\/\/[^\s]+$/);

/** What egress gives the page: its LiveKit server (`url`), a token it made for the room, egress's layout name. */
export const compositeQuery = z.object({
  url: livekitUrl,
  token: z.string().min(20).max(8192),
  layout: z.string().max(64).optional(),
});

/** The claims of a LiveKit token that matter here (livekit-server-sdk's `ClaimGrants`). */
type Claims = {
  kind?: string;
  video?: { room?: string; roomJoin?: boolean; recorder?: boolean; hidden?: boolean; canPublish?: boolean; canPublishData?: boolean };
};

/**
 * The session whose room a verified token opens, when the token is one egress makes for a room
 * composite (protocol's `BuildEgressToken`: a hidden recorder that joins one room, subscribes and
 * publishes nothing), else null. Anyone's stage token (not hidden, not a recorder) opens nothing.
 */
export function sessionOfEgressToken(claims: Claims): string | null {
  const v = claims.video;
  if (!v || v.roomJoin !== true || v.recorder !== true || v.hidden !== true) return null;
  if (v.canPublish !== false || v.canPublishData === true) return null;
  if (claims.kind !== undefined && claims.kind !== 'egress') return null;
  return v.room ? sessionIdOfRoom(v.room) : null;
}

/** The LiveKit room's metadata the server writes (a moderator's stage pin), read by the layout page. */
const roomMetadata = z.object({ stagePin: z.string().max(256).nullable() });

export const stageMetadataOf = (stagePin: string | null) => JSON.stringify({ stagePin });

/** The pin a room's metadata says, or `undefined` when it says none (empty, not ours, not JSON). */
export function stagePinOfMetadata(metadata: string | undefined): string | null | undefined {
  if (!metadata) return undefined;
  try {
    const parsed = roomMetadata.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data.stagePin : undefined;
  } catch {
    return undefined;
  }
}

/** The egress a recording or a stream starts: the composite page, or one publisher's tracks. */
export type EgressKind = 'composite' | 'participant';

/** The layout page's address as egress's Chromium reaches it (`EGRESS_APP_URL`, else `PUBLIC_URL`). */
export const compositeBaseUrl = (appUrl: string) => `${appUrl.replace(/\/$/, '')}${COMPOSITE_PATH}`;

/**
 * The LiveKit URL egress gives the layout page (its own `ws_url`, which may not be the one browsers
 * use), for that page's Content-Security-Policy `connect-src`; null for any other address. The page
 * itself renders only for egress's token (`layoutAccess`).
 */
export function compositeLivekitUrl(requestUrl: string | undefined): string | null {
  if (!requestUrl?.startsWith(`${COMPOSITE_PATH}?`)) return null;
  const url = new URLSearchParams(requestUrl.slice(COMPOSITE_PATH.length + 1)).getAll('url');
  return url.length === 1 && livekitUrl.safeParse(url[0]).success ? url[0]! : null;
}

/**
 * Live captions for the composite (issue 29: "in the streamed layout"): the page has no app
 * connection, so the server also sends each caption line into the LiveKit room as a data packet of
 * this topic (`captionToComposite`), and the page reads it back here. Anything else is ignored.
 */
export const CAPTION_TOPIC = 'chemins.caption';

const captionPacket = z.object({
  sessionId: z.string().max(64),
  text: z.string().max(2000),
  lang: z.enum(['fr', 'en'] as const satisfies readonly CaptionLine['lang'][]),
  speaker: z.string().max(200).nullable(),
  at: z.string().max(40),
  final: z.boolean(),
});

/** The caption line a data packet carries, or null when it is not one (not JSON, not this shape). */
export function captionOfPacket(payload: Uint8Array): CaptionLine | null {
  try {
    const parsed = captionPacket.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

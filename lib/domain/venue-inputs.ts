import { z } from 'zod';
import { plainText } from '../validation';
import { UUID_SOURCE } from '../uuid';

/**
 * Venue inputs (issue 28, docs/video.md "Venue inputs"): the room's camera, mixer or OBS publishing
 * into a session's stage through LiveKit's WHIP endpoint. Shared by the server and the browser.
 */

export const VENUE_INPUT_NAME_MAX = 80;

/** `POST /api/sessions/{sessionId}/venue-inputs` `{ name }`: the room's name as the stage shows it. */
export const venueInputRequest = z.strictObject({
  name: plainText().trim().min(1).max(VENUE_INPUT_NAME_MAX),
});

/** Only sessions followed online have a stage to come into. */
export const takesVenueInput = (mode: 'onsite' | 'online' | 'hybrid') => mode !== 'onsite';

/** The LiveKit participant identity of a venue input's token: `venue:<id>:<version>`. */
export const venueIdentityOf = (id: string, version: number) => `venue:${id}:${version}`;

const VENUE_IDENTITY = new RegExp(`^venue:(${UUID_SOURCE}):([1-9][0-9]{0,8})$`, 'i');

/** The venue input and token version an identity names, or null when it is nobody's venue input. */
export function venueOfIdentity(identity: string): { id: string; version: number } | null {
  const m = VENUE_IDENTITY.exec(identity);
  return m ? { id: m[1]!.toLowerCase(), version: Number(m[2]) } : null;
}

/** Is this participant a venue input (the stage puts it first)? */
export const isVenueIdentity = (identity: string) => identity.startsWith('venue:');

/** What the token lets it do: publish its camera and microphone, nothing else (no data, no chat, no subscription). */
export const VENUE_GRANT = {
  canPublish: true,
  canSubscribe: false,
  canPublishData: false,
  canUpdateOwnMetadata: false,
  roomAdmin: false,
} as const;

const HOUR = 3600;

/**
 * How long a token lasts: a venue is set up the day before and runs through the session, so until
 * a day after the session's end, at least a day, at most 30 days. Revocation does not wait for it
 * (the webhook removes a revoked or replaced token's participant).
 */
export function venueTokenTtlSeconds(endsAt: Date, now: Date): number {
  const untilEnd = Math.ceil((endsAt.getTime() - now.getTime()) / 1000);
  return Math.min(30 * 24 * HOUR, Math.max(24 * HOUR, untilEnd + 24 * HOUR));
}

/** LiveKit's WHIP endpoint on the LiveKit address the browsers use (ws(s) → http(s)). */
export const whipUrlOf = (publicLivekitUrl: string) => `${publicLivekitUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '')}/whip/v1`;

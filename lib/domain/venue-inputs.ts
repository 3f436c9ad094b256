import { z } from 'zod';
import { plainText } from '../validation';
import { VENUE_INPUT_NAME_MAX } from './venue-identity';

/**
 * Venue inputs (issue 28, docs/api.md "Venue inputs"): the room's camera, mixer or OBS publishing
 * into a session's stage through LiveKit's WHIP endpoint. Shared by the server and the browser.
 */

/** `POST /api/sessions/{sessionId}/venue-inputs` `{ name }`: the room's name as the stage shows it. */
export const venueInputRequest = z.strictObject({
  name: plainText().trim().min(1).max(VENUE_INPUT_NAME_MAX),
});

export { isVenueIdentity, VENUE_INPUT_NAME_MAX, venueIdentityOf, venueOfIdentity } from './venue-identity';

/** Only sessions followed online have a stage to come into. */
export const takesVenueInput = (mode: 'onsite' | 'online' | 'hybrid') => mode !== 'onsite';

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

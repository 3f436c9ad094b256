/**
 * The recognition worker as a participant of a LiveKit room: pure, so that whoever needs to know
 * it (server/media/video.ts, for attendance) does not load the worker and its native LiveKit client
 * (`@livekit/rtc-node`), which load only when recognition is configured and a room asks for it
 * (server/asr/sessions.ts).
 */

/** The worker's identity in the room, and its lines' authors: hidden, nobody's attendance (server/media/video.ts). */
export const ASR_IDENTITY_PREFIX = 'asr:';

/** The worker's grant: it hears the room, nobody sees it, it publishes nothing. */
export const asrGrant = { hidden: true, canSubscribe: true, canPublish: false, canPublishData: false, canUpdateOwnMetadata: false } as const;

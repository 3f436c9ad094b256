import { z } from 'zod';
import { cancelRequest, registrationRequest } from '../domain/registration';
import {
  createResourceRequest,
  linkSessionRequest,
  proposeResourceRequest,
  reorderRequest,
  subscribeRequest,
  transitionRequest,
  updateResourceRequest,
} from '../domain/resources';
import { guestRequest } from '../domain/live';
import { grantSchema } from '../domain/roles';
import { searchRequest } from '../domain/search';
import { linkReplayRequest, recordingRequest, REPLAY_VIDEO_TYPES, uploadReplayQuery } from '../domain/replays';
import { diffusionRequest } from '../domain/diffusion';
import { streamRequest } from '../domain/streams';
import { verifyRequestSchema } from '../domain/badges';
import { eraseRequest } from '../domain/privacy';
import { feedbackRequest } from '../domain/feedback';
import { moderationRequest, videoTokenQuery } from '../domain/video';
import { venueInputRequest } from '../domain/venue-inputs';
import { notesLockRequest, notesQuery, notesRestoreRequest } from '../domain/notes';
import { SITE_PATH_PATTERN } from '../security/paths';
import { registrationsCsvQuery } from '../exports/registrations';
import { fullEventReportSchema, fullSessionReportSchema } from '../domain/report';
import { reportCsvQuery } from '../exports/report';
import { type Answer, type Registry, ok, refusal, textAnswer, uuidParam } from './contract';
import * as r from './responses';

/**
 * Every operation of the HTTP API (every route file under app/api, and the registrations endpoint
 * the Node server answers itself): what it takes, and each status it answers with its body. The
 * OpenAPI document (/api/openapi.json, lib/openapi.ts) is built from this; the routes shape their
 * JSON answers with the same schemas (`respond`); lib/openapi.test.ts fails when a route file has
 * no entry. The request gate's refusals (server/http/guard.ts) are added to every operation by
 * lib/openapi.ts.
 */

const unauthenticated = refusal('unauthenticated: sign in first');
const participantUnknown = refusal('unauthenticated: sign in, or use your personal link');
const forbidden = refusal('forbidden: not allowed to do this');
const invalid = refusal('invalid (with `fields`), invalid_json');
const conflict = (what: string) => refusal(what);
const atom: Answer = textAnswer('application/atom+xml', 'Atom 1.0 (RFC 4287); the feed’s own texts and xml:lang in the requester’s language (locale cookie, else Accept-Language, else French)');
const html = (description: string): Answer => textAnswer('text/html', description);
const vc = (description: string): Answer => textAnswer('application/vc+ld+json', description);
const sessionId = { sessionId: uuidParam };
const videoFiles = Object.fromEntries(REPLAY_VIDEO_TYPES.map((t) => [t, { format: 'binary' as const }]));
const DIFFUSION_CONFLICTS = 'not_a_diffusion, already_diffusing, not_diffusing, room_not_live, nothing_to_stream';
const hlsFiles = { 'application/vnd.apple.mpegurl': { format: 'binary' as const }, 'video/mp2t': { format: 'binary' as const } };
const pathAndResource = { resourceId: z.string().describe('resource id (UUID)') };
const qaExport = (type: string, description: string) => ({
  summary: `The session’s Q&A as ${description} (organizers and moderators of its event, admins, coordinators of its paths)`,
  auth: 'session' as const,
  params: sessionId,
  responses: { 200: textAnswer(type, `${description}, in the requester’s language (locale cookie, else Accept-Language, else French)`), 401: unauthenticated, 403: forbidden, 404: refusal('not_found') },
});

/**
 * The refusals of a paths API JSON write (a signed-in check, then server/http/write-guard.ts's `guardJson`,
 * then the domain's), with the operation's own (`more`) on top.
 */
const jsonWrite = (who: Answer, more: Record<number, Answer> = {}): Record<number, Answer> => ({
  400: invalid,
  401: who,
  403: refusal('forbidden, cross_origin'),
  404: refusal('not_found'),
  413: refusal('body_too_large'),
  415: refusal('unsupported_media_type'),
  429: refusal('rate_limited'),
  ...more,
});

export const apiRegistry: Registry = {
  '/api/health': {
    get: {
      summary: 'Health of the app and its components (public contract)',
      auth: 'public',
      responses: { 200: ok('Healthy', r.healthResponse), 503: ok('Degraded: the database or realtime is down (`status: "degraded"`)', r.healthResponse) },
    },
  },
  '/api/openapi.json': {
    get: { summary: 'This document, generated from the registry (lib/api/routes.ts)', auth: 'public', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
  },
  '/api/events': {
    get: { summary: 'Events, oldest first (public contract)', auth: 'public', responses: { 200: ok('Events; times ISO 8601 with the event’s offset', r.eventsResponse) } },
  },
  '/api/events/{event}/sessions': {
    get: {
      summary: 'Sessions of an event with seat counts and live state (public contract)',
      auth: 'public',
      responses: { 200: ok('Sessions', r.sessionsResponse), 404: refusal('event_not_found') },
    },
  },
  '/api/events/{event}/registrations': {
    post: {
      summary: 'Register (idempotent by e-mail; capacity enforced, waiting list) (public contract)',
      description:
        'Answered by the Node server itself (server/http/registrations.ts). Other methods are `405 method_not_allowed`. Limited per client address and per e-mail (`429` with `Retry-After`).',
      auth: 'public',
      gate: { streams: true },
      body: { json: registrationRequest },
      responses: {
        201: ok('New registration, with its personal link (`joinToken`)', r.registrationResponse),
        200: ok(
          'Same e-mail again, from whoever holds that registration (`Authorization: Bearer <joinToken>`, its personal link in this browser, or signed in with that address): the registration, updated',
          r.registrationResponse,
        ),
        202: ok(
          'Same e-mail again from anybody else: nothing changes and nothing is said about that registration; its personal link is mailed to the address (docs/security.md)',
          r.registrationMailedResponse,
        ),
        400: refusal('invalid (with `fields`), invalid_json, session_cancelled'),
        403: refusal('invitation_required, invitation_invalid, invitation_used_up'),
        404: refusal('event_not_found, session_not_found'),
        413: refusal('payload_too_large: over 256 KiB'),
        429: { ...refusal('rate_limited (per client address and per e-mail)'), headers: { 'Retry-After': 'seconds' } },
      },
    },
  },
  '/api/events/{event}/registrations.csv': {
    get: {
      summary: 'Attendee list (organizers of the event, admins)',
      auth: 'session',
      query: registrationsCsvQuery,
      responses: {
        200: textAnswer('text/csv', 'CSV (UTF-8 with BOM, formula cells neutralised), headers and values in the requester’s language (locale cookie, else Accept-Language, else French); `?format=spreadsheet`: semicolon-separated, CRLF'),
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: refusal('not_found'),
      },
    },
  },
  '/api/events/{event}/report': {
    get: {
      summary: 'The event’s report: registrations over time, no-show rate, on site and online, each session’s figures (organizers of the event, admins; public contract, docs/report.md)',
      description: 'Aggregates only. `registrations.total` is the number of people in the attendee CSV. Also the JSON document for funders’ tools.',
      auth: 'session',
      responses: { 200: ok('The report', fullEventReportSchema), 401: unauthenticated, 403: forbidden, 404: refusal('event_not_found') },
    },
  },
  '/api/events/{event}/report.csv': {
    get: {
      summary: 'One table of the event’s report as CSV (organizers of the event, admins; docs/report.md)',
      auth: 'session',
      query: reportCsvQuery,
      responses: {
        200: textAnswer('text/csv', 'CSV (UTF-8 with BOM, formula cells neutralised), headers in the requester’s language, dates in the event’s time zone; `?format=spreadsheet`: semicolon-separated, CRLF'),
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: refusal('event_not_found'),
      },
    },
  },
  '/api/events/{event}/open-data.zip': {
    get: {
      summary: 'The event’s open-data package: public programme, calls’ decisions, aggregated figures as CSV with a Frictionless datapackage.json, under the organizers’ licence (public; docs/report.md)',
      auth: 'public',
      responses: { 200: textAnswer('application/zip', 'ZIP: datapackage.json, programme.csv, decisions.csv, sessions-report.csv, registrations-by-day.csv'), 404: refusal('event_not_found') },
    },
  },
  '/api/events/{event}/calendar.ics': {
    get: {
      summary: 'iCalendar of the public sessions (public contract)',
      auth: 'public',
      responses: { 200: textAnswer('text/calendar', 'RFC 5545'), 404: refusal('event_not_found') },
    },
  },
  '/api/events/{event}/schedule.xml': {
    get: {
      summary: 'frab/c3voc schedule.xml (public contract)',
      auth: 'public',
      responses: { 200: textAnswer('application/xml', 'schedule.xml (valid against c3voc’s schedule.xml.xsd)'), 404: refusal('event_not_found') },
    },
  },
  '/api/events/{event}/schedule.json': {
    get: {
      summary: 'frab/c3voc schedule.json (public contract)',
      auth: 'public',
      responses: { 200: ok('schedule.json (valid against c3voc’s schema)', r.scheduleJsonResponse), 404: refusal('event_not_found') },
    },
  },
  '/api/me/calendar.ics': {
    get: {
      summary: 'The person’s own sessions, subscribable (public contract); waitlisted seats are TENTATIVE',
      auth: 'public',
      query: z.object({ token: z.string().describe('the personal link’s token') }),
      responses: { 200: textAnswer('text/calendar', 'RFC 5545'), 401: refusal('unauthenticated: no token'), 404: refusal('registration_not_found, event_not_found') },
    },
  },
  '/api/me/data': {
    get: {
      summary: 'Everything Chemins holds about me, as one JSON document (signed in, or a registrant’s personal link: bearer token or join cookie)',
      description: 'Account, registrations with answers and seats, questions, votes, chat messages, poll answers, attendance, proposals, resources, badges… of this person only (docs/privacy.md).',
      auth: 'participant',
      responses: { 200: ok('My data', r.myDataResponse), 401: participantUnknown },
    },
  },
  '/api/me/erase': {
    post: {
      summary: 'Erase my account and personal data, in one transaction (signed in, or a registrant’s personal link)',
      description:
        'Questions keep their text without author; chat messages are erased; registrations, votes, poll answers and attendance are anonymised so that counts stay; resources and proposals stay, authored by a former participant unless `keepName` (docs/privacy.md).',
      auth: 'participant',
      body: { json: eraseRequest },
      responses: jsonWrite(participantUnknown, { 200: ok('Erased', r.erasureResponse), 404: refusal('not_found: nothing of this person is left') }),
    },
  },
  '/api/registrations/{token}/cancel': {
    post: {
      summary: 'Cancel one seat (`sessionId`) or the whole registration (`{}` or no body), from the personal link',
      auth: 'public',
      body: { json: cancelRequest, required: false },
      responses: { 200: ok('Cancelled seats and promotions', r.cancelResponse), 400: invalid, 404: refusal('registration_not_found, seat_not_found') },
    },
  },
  '/api/join': {
    get: {
      summary: 'From a personal link into live rooms: remembers the registration in a cookie, then redirects to `next`',
      auth: 'public',
      query: z.object({ token: z.string(), next: z.string().optional().describe('a same-site path') }),
      responses: { 303: { description: 'Redirect, with the `chemins-join` cookie', headers: { Location: 'where to go', 'Set-Cookie': 'the join cookie' } }, 404: refusal('registration_not_found') },
    },
  },
  '/api/guest': {
    post: {
      summary: 'A guest identity for live rooms, issued by the server in the signed, httpOnly `chemins-guest` cookie',
      description:
        'For people who are neither signed in nor registrants, in sessions that let guests write: the realtime handshake reads the cookie (docs/architecture.md, "Guests"). A request with a valid cookie keeps its id and renews it; a new identity counts in the per-address limit (`429` with `Retry-After`). With `room` (a session\'s short code, from its room\'s QR code `/q/{code}`) and an optional first name `name`, the identity may also ask, vote, chat and answer polls in that session only, where its room admits guests (docs/security.md, "Guests").',
      auth: 'public',
      body: { json: guestRequest, required: false },
      responses: {
        204: { description: 'The identity, in the cookie', headers: { 'Set-Cookie': 'the guest cookie' } },
        400: invalid,
        403: refusal('registration_required (the session asks its room to register)'),
        404: refusal('session_not_found (no session has this code)'),
        429: { ...refusal('rate_limited (new guest identities per client address)'), headers: { 'Retry-After': 'seconds' } },
      },
    },
  },
  '/api/sessions/{sessionId}/livekit-token': {
    post: {
      summary: 'A LiveKit token for the session’s room (public contract)',
      description:
        'Short-lived (10 minutes): fetch a new one to rejoin. During breakout groups, the token is for the person’s group’s room (`room`, `group`); `?group=` a group id: a moderator visits that group. 401 unauthenticated; 403 not_registered, not_confirmed (invitation-only or full session without a confirmed seat), removed (by a moderator), room_not_open (cancelled, or outside ROOM_OPEN_MINUTES before the start to ROOM_GRACE_MINUTES after the end); 404 not_found; 503 video_not_configured.',
      auth: 'participant',
      params: sessionId,
      query: videoTokenQuery,
      responses: {
        200: ok('Token', r.videoTokenResponse),
        401: participantUnknown,
        403: refusal('not_registered, not_confirmed, removed, room_not_open, forbidden (a breakout group not one’s own)'),
        404: refusal('not_found'),
        409: refusal('closed (a breakout group asked for while no round is open)'),
        503: refusal('video_not_configured'),
      },
    },
  },
  '/api/sessions/{sessionId}/room/moderate': {
    post: {
      summary: 'A moderator action on the session’s video room: promote, demote, mute, remove (banned from the session), end; or one’s own raised hand (raise_hand, lower_hand)',
      auth: 'participant',
      params: sessionId,
      body: { json: moderationRequest },
      responses: {
        200: ok('Done, and written to the audit log', r.moderationResponse),
        400: invalid,
        401: participantUnknown,
        403: forbidden,
        404: refusal('not_found, not_in_room'),
        503: refusal('video_not_configured'),
      },
    },
  },
  '/api/sessions/{sessionId}/notes/token': {
    post: {
      summary: 'A short-lived token for the session’s shared notes (public contract)',
      description:
        'The notes speak the Hocuspocus protocol at `/api/notes` (WebSocket on the app’s port), document `session:{sessionId}`; the rich text is the Yjs XmlFragment `default`. The token (10 minutes, bound to the session and the person) authenticates a connection that cannot send the browser’s cookies; a personal link’s token works too. `access`: write or read (docs/architecture.md, "Shared notes").',
      auth: 'participant',
      params: sessionId,
      responses: { 200: ok('Token', r.notesTokenResponse), 401: participantUnknown, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/notes.md': {
    get: {
      summary: 'The session’s shared notes as Markdown (public contract; the readers of its live rooms)',
      auth: 'public',
      params: sessionId,
      query: notesQuery,
      responses: { 200: textAnswer('text/markdown', 'Markdown (GFM: task items)'), 400: invalid, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/notes/history': {
    get: {
      summary: 'The shared notes’ history, newest first: who wrote, when (one entry per author and minute)',
      auth: 'public',
      params: sessionId,
      query: notesQuery,
      responses: { 200: ok('History', r.notesHistoryResponse), 400: invalid, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/notes/lock': {
    post: {
      summary: 'Lock (only moderators write) or unlock the shared notes (the session’s moderators)',
      auth: 'participant',
      params: sessionId,
      body: { json: notesLockRequest },
      responses: { 200: ok('Done', r.notesLockResponse), ...jsonWrite(participantUnknown) },
    },
  },
  '/api/sessions/{sessionId}/notes/restore': {
    post: {
      summary: 'Bring the shared notes back to a point of their history, as a new change (the session’s moderators)',
      auth: 'participant',
      params: sessionId,
      body: { json: notesRestoreRequest },
      responses: { 200: ok('Restored', r.notesRestoreResponse), ...jsonWrite(participantUnknown, { 503: refusal('notes_unavailable') }) },
    },
  },
  '/api/sessions/{sessionId}/qa.md': { get: qaExport('text/markdown', 'Markdown with front matter, ready for a meeting report') },
  '/api/sessions/{sessionId}/qa.csv': { get: qaExport('text/csv', 'CSV') },
  '/api/sessions/{sessionId}/report': {
    get: {
      summary: 'The session’s report: its entry of the event report, the moments on its attendance curve, top questions, polls’ results (organizers of its event, admins, its moderators; docs/report.md)',
      auth: 'session',
      params: sessionId,
      responses: { 200: ok('The session’s report', fullSessionReportSchema), 401: unauthenticated, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/meeting-report': {
    post: {
      summary: 'Turn the session’s Q&A into a draft meeting report on its paths (organizers, moderators, coordinators of its paths)',
      auth: 'session',
      params: sessionId,
      responses: {
        201: ok('Draft', r.proposedResourceResponse),
        401: unauthenticated,
        403: forbidden,
        404: refusal('not_found'),
        409: conflict('no_path: the session is linked to no path'),
      },
    },
  },
  '/api/sessions/{sessionId}/recording': {
    post: {
      summary: 'Start or stop recording the session’s room with LiveKit Egress (the session’s moderators; public contract)',
      description:
        'The recording is written by egress and attached to the session when egress reports it complete (webhook). 409 already_recording, not_recording, workshop_not_announced (a workshop whose registrants were not told), room_not_live (nobody in the room), nothing_to_record; 503 video_not_configured, recording_unavailable (egress refused or is not running).',
      auth: 'participant',
      params: sessionId,
      body: { json: recordingRequest },
      responses: {
        200: ok('Recording, or stopping (the replay is ready when egress has written it)', r.recordingResponse),
        400: invalid,
        401: participantUnknown,
        403: forbidden,
        404: refusal('not_found'),
        409: conflict('already_recording, not_recording, workshop_not_announced, room_not_live, nothing_to_record'),
        503: refusal('video_not_configured, recording_unavailable'),
      },
    },
  },
  '/api/sessions/{sessionId}/stream': {
    post: {
      summary: 'Start or stop streaming the session’s stage to RTMP destinations with LiveKit Egress (the session’s moderators; public contract)',
      description:
        'destinations (with start only; rtmp:// or rtmps:// addresses with their stream key, at most 5) replace the saved ones; without them the saved ones are used. Keys are stored encrypted and never answered again (docs/streaming.md). 409 already_streaming, not_streaming, no_destination, room_not_live, nothing_to_stream; 503 video_not_configured, stream_unavailable.',
      auth: 'participant',
      params: sessionId,
      body: { json: streamRequest },
      responses: {
        200: ok('Streaming, or stopping', r.streamResponse),
        ...jsonWrite(participantUnknown, {
          409: conflict('already_streaming, not_streaming, no_destination, room_not_live, nothing_to_stream'),
          503: refusal('video_not_configured, stream_unavailable'),
        }),
      },
    },
    get: {
      summary: 'Whether the session is streamed, and its destinations masked (the session’s moderators)',
      auth: 'participant',
      params: sessionId,
      responses: { 200: ok('The stream', r.streamOverviewResponse), 401: participantUnknown, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/diffusion': {
    post: {
      summary: 'Start or stop the session’s HLS diffusion for its overflow audience (the session’s moderators; a diffusion session)',
      description:
        'LiveKit Egress writes the stage as HLS (1 s segments), served at /api/sessions/{sessionId}/hls/index.m3u8 (docs/diffusion.md). 409 not_a_diffusion, already_diffusing (one per session), not_diffusing, room_not_live, nothing_to_stream; 503 video_not_configured, diffusion_unavailable.',
      auth: 'participant',
      params: sessionId,
      body: { json: diffusionRequest },
      responses: { 200: ok('Diffusing, or stopping', r.diffusionResponse), ...jsonWrite(participantUnknown, { 409: conflict(DIFFUSION_CONFLICTS), 503: refusal('video_not_configured, diffusion_unavailable') }) },
    },
    get: {
      summary: 'Whether the session is a diffusion, whether its HLS runs, and its playlist (whoever may follow the session)',
      description: 'No sign-in needed for a session anyone may follow (a visitor of a public session watches its diffusion); 404 for whoever may not follow it.',
      auth: 'public',
      params: sessionId,
      responses: { 200: ok('The diffusion', r.diffusionOverviewResponse), 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/hls/{file}': {
    get: {
      summary: 'The session’s HLS diffusion while it runs: index.m3u8 (public contract) and its segments, with byte ranges (whoever may follow the session)',
      description: 'The playlist is cached one second, segments a minute (public for a public session, private otherwise): ready for a CDN in front. Any other file name: 404.',
      auth: 'public',
      params: { ...sessionId, file: z.string().describe('index.m3u8, or a segment name (segment_00001.ts)') },
      responses: {
        200: { description: 'The playlist or a segment', content: hlsFiles },
        206: { description: 'A byte range of it', content: hlsFiles, headers: { 'Content-Range': 'the range sent' } },
        404: refusal('not_found (no such session, not allowed to follow it, no diffusion running, no such file)'),
        416: { description: 'Range not satisfiable', headers: { 'Content-Range': 'bytes */<size>' } },
      },
    },
  },
  '/api/sessions/{sessionId}/venue-inputs': {
    get: {
      summary: 'The session’s venue inputs in use, without their tokens (the session’s moderators and organizers)',
      auth: 'participant',
      params: sessionId,
      responses: { 200: ok('Inputs, oldest first', r.venueInputsResponse), 401: participantUnknown, 403: forbidden, 404: refusal('not_found') },
    },
    post: {
      summary: 'Create a venue input: a WHIP address and bearer token for the venue’s OBS, encoder or régie page (the session’s moderators and organizers; public contract)',
      description:
        '`name` is the room’s name as the stage shows it ("Salle Auditorium"). The token (a LiveKit token publishing camera and microphone only, as participant `venue:<id>:<version>`) is shown this once and never stored. 409 not_online: the session is on site only; 503 video_not_configured. See docs/api.md, "Venue inputs".',
      auth: 'participant',
      params: sessionId,
      body: { json: venueInputRequest },
      responses: jsonWrite(participantUnknown, { 201: ok('Created: the token is shown this once', r.venueInputCreatedResponse), 409: conflict('not_online'), 503: refusal('video_not_configured') }),
    },
  },
  '/api/sessions/{sessionId}/venue-inputs/{id}': {
    delete: {
      summary: 'Revoke a venue input: its token is refused and a connected input leaves the stage (the session’s moderators and organizers; public contract)',
      auth: 'participant',
      params: { ...sessionId, id: uuidParam },
      responses: { 204: { description: 'Revoked' }, 401: participantUnknown, 403: forbidden, 404: refusal('not_found'), 429: refusal('rate_limited') },
    },
  },
  '/api/sessions/{sessionId}/venue-inputs/{id}/token': {
    post: {
      summary: 'A new token for a venue input; the previous one is refused from now on (the session’s moderators and organizers)',
      auth: 'participant',
      params: { ...sessionId, id: uuidParam },
      responses: {
        201: ok('The new token, shown this once', r.venueInputCreatedResponse),
        401: participantUnknown,
        403: forbidden,
        404: refusal('not_found'),
        409: conflict('not_online'),
        429: refusal('rate_limited'),
        503: refusal('video_not_configured'),
      },
    },
  },
  '/api/sessions/{sessionId}/replays': {
    get: {
      summary: 'The session’s replays, ready to watch (public contract)',
      description: 'For whoever may follow the session (anyone for a public session). 404 for a session this person cannot see.',
      auth: 'public',
      params: sessionId,
      responses: { 200: ok('Replays, in order', r.replaysResponse), 404: refusal('not_found') },
    },
    post: {
      summary: 'Add a replay that is a link (a video host’s page or a video file), with the moment of the session it starts at (moderators)',
      description: 'Also drafts a "replay" resource on the session’s paths, for their coordinators to review.',
      auth: 'participant',
      params: sessionId,
      body: { json: linkReplayRequest },
      responses: { 201: ok('Added', r.replayCreatedResponse), 400: invalid, 401: unauthenticated, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/sessions/{sessionId}/replays/upload': {
    post: {
      summary: 'Upload a replay video (WebM, MP4 or Ogg, checked from its content; the body is the file) (moderators)',
      auth: 'participant',
      params: sessionId,
      query: uploadReplayQuery,
      gate: { streams: true },
      // Sent as the file's own type (video/webm, video/mp4, video/ogg) or application/octet-stream: the type is read from the content.
      body: { type: 'application/octet-stream', schema: { type: 'string', format: 'binary' } },
      responses: {
        201: ok('Stored', r.replayCreatedResponse),
        400: refusal('invalid, file_empty, file_too_large, unsupported_video'),
        401: unauthenticated,
        403: forbidden,
        404: refusal('not_found'),
      },
    },
  },
  '/api/replays/{replayId}': {
    delete: {
      summary: 'Delete a replay and its file (moderators)',
      auth: 'participant',
      params: { replayId: uuidParam },
      responses: { 204: { description: 'Deleted' }, 401: unauthenticated, 403: forbidden, 404: refusal('not_found'), 409: conflict('recording: stop it first') },
    },
  },
  '/api/replays/{replayId}/timeline': {
    get: {
      summary: 'The questions and chat messages along a replay, with their offsets in seconds, and chapters (public contract)',
      description: 'What the audience saw: pending, dismissed and withdrawn questions and deleted messages are left out; anonymous questions have no author.',
      auth: 'public',
      params: { replayId: uuidParam },
      responses: { 200: ok('Timeline', r.replayTimelineResponse), 404: refusal('not_found') },
    },
  },
  '/api/replays/{replayId}/media': {
    get: {
      summary: 'The replay’s video file (recordings and uploads), with byte ranges',
      auth: 'public',
      params: { replayId: uuidParam },
      responses: {
        200: { description: 'The video', content: videoFiles },
        206: { description: 'A byte range of it', content: videoFiles, headers: { 'Content-Range': 'the range sent' } },
        404: refusal('not_found (also for a link, which has no file here)'),
        416: { description: 'Range not satisfiable', headers: { 'Content-Range': 'bytes */<size>' } },
      },
    },
  },
  '/api/replays/{replayId}/captions.vtt': {
    get: {
      summary: 'The replay’s captions as WebVTT, aligned with its start (public contract)',
      description: 'Built from the live captions typed while the session was recorded, or uploaded since. For whoever may watch the replay.',
      auth: 'public',
      params: { replayId: uuidParam },
      responses: { 200: textAnswer('text/vtt', 'WebVTT'), 404: refusal('not_found (also when the replay has no captions)') },
    },
    put: {
      summary: 'Replace the replay’s captions with a WebVTT file (the body, at most 1 MiB) (the session’s moderators, the coordinators of its paths)',
      auth: 'participant',
      params: { replayId: uuidParam },
      body: { type: 'text/vtt', schema: { type: 'string' } },
      responses: {
        200: ok('Replaced', r.replayCaptionsResponse),
        400: refusal('invalid_vtt: the parser’s reason, with its line'),
        401: unauthenticated,
        403: forbidden,
        404: refusal('not_found'),
      },
    },
  },
  '/api/livekit/webhook': {
    post: {
      summary: 'LiveKit webhooks (signed by the LiveKit server): attendance, the room’s live state, and recordings (egress)',
      auth: 'public',
      gate: { limited: false },
      body: { type: 'application/webhook+json', schema: { type: 'object' } },
      responses: { 200: ok('Recorded', r.webhookResponse), 400: invalid, 401: refusal('invalid_signature'), 503: refusal('video_not_configured') },
    },
  },
  '/api/admin/roles': {
    post: {
      summary: 'Grant a role (admins)',
      auth: 'session',
      body: { json: grantSchema },
      responses: { 201: ok('Granted', r.grantResponse), 400: invalid, 401: unauthenticated, 403: forbidden, 404: refusal('not_found: no such event, session or path') },
    },
    delete: {
      summary: 'Revoke a grant (admins)',
      auth: 'session',
      query: z.object({ id: z.uuid() }),
      responses: { 204: { description: 'Revoked' }, 400: invalid, 401: unauthenticated, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/attachments': {
    post: {
      summary:
        'Upload a file for a resource form or a path cover (signed in, or a registrant’s personal link). Type and size are checked from the content (no SVG, no programs); images get WebP variants. Attached when the form is saved (`attachmentIds`).',
      auth: 'participant',
      gate: { streams: true },
      query: z.object({ next: z.string().regex(SITE_PATH_PATTERN).optional().describe('a same-site path: answer with a 303 there instead of JSON (anything else: 400 invalid_next)') }),
      body: {
        type: 'multipart/form-data',
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary' },
            next: { type: 'string', pattern: SITE_PATH_PATTERN.source, description: 'a same-site path: answer with a 303 there instead of JSON (anything else: 400 invalid_next)' },
          },
        },
      },
      responses: {
        201: ok('Stored', r.attachmentResponse),
        303: { description: 'Back to `next`, with `attachment=<id>`, or `uploadError=<code>` when a browser sent the form (Accept: text/html)', headers: { Location: 'the form' } },
        400: refusal('file_missing, file_empty, invalid_multipart, invalid_next'),
        401: participantUnknown,
        403: refusal('cross_origin'),
        413: refusal('file_too_large; quota_exceeded (the person’s uploads, attached or not, would pass ATTACHMENT_QUOTA_MIB)'),
        415: refusal('unsupported_media_type, type_not_allowed, svg_not_allowed, executable_not_allowed, image_unreadable'),
        429: refusal('rate_limited'),
      },
    },
  },
  '/api/attachments/{id}': {
    get: {
      summary: 'An attachment (published resources and path covers: everybody; otherwise its uploader and the path’s reviewers)',
      auth: 'public',
      params: { id: z.string().describe('attachment id (UUID)') },
      query: z.object({ variant: z.enum(['thumb', 'medium']).optional() }),
      responses: {
        200: { description: 'The file, with its sniffed type', content: { 'application/octet-stream': { format: 'binary', description: 'any sniffed type' } } },
        304: { description: 'Not modified (`If-None-Match`)' },
        404: refusal('not_found'),
      },
    },
  },
  // ---------------------------------------------------------------- Open Badges 3.0 (docs/badges.md)
  '/api/issuers': {
    get: { summary: 'Open Badges issuers: each event, and the platform (public contract)', auth: 'public', responses: { 200: ok('Issuers', r.issuersResponse) } },
  },
  '/api/issuers/{issuer}': {
    get: {
      summary: 'The issuer’s Open Badges `Profile` (valid against profile.json), also the controller document of its key (public contract)',
      auth: 'public',
      responses: { 200: ok('Profile (JSON-LD)', r.jsonLdDocument), 404: refusal('issuer_not_found') },
    },
  },
  '/api/issuers/{issuer}/key': {
    get: {
      summary: 'The issuer’s public key, a `Multikey`: the `verificationMethod` of its proofs (public contract)',
      auth: 'public',
      responses: { 200: ok('Multikey (JSON-LD)', r.jsonLdDocument), 404: refusal('issuer_not_found') },
    },
  },
  '/api/issuers/{issuer}/status/{list}': {
    get: {
      summary: 'The issuer’s revocation list, a signed `BitstringStatusListCredential` (public contract)',
      auth: 'public',
      responses: { 200: vc('BitstringStatusListCredential'), 404: refusal('not_found') },
    },
  },
  '/api/issuers/{issuer}/achievements': {
    get: {
      summary: 'The issuer’s achievements, with the recipients who chose to show theirs publicly (public contract)',
      auth: 'public',
      responses: { 200: ok('Achievements', r.issuerAchievementsResponse), 404: refusal('issuer_not_found') },
    },
  },
  '/api/credentials/verify': {
    post: {
      summary: 'Verify a credential: its Data Integrity proof against the issuer’s published key, and its revocation status (public contract)',
      description: 'Only credentials of this platform’s issuers are resolved (no other network access). Limited per client address.',
      auth: 'public',
      body: { json: verifyRequestSchema },
      responses: {
        200: ok('The outcome (a forged, tampered or revoked credential is `verified: false`, with why)', r.verifyResponseSchema),
        400: invalid,
        403: refusal('cross_origin'),
        413: refusal('body_too_large: over 128 KiB'),
        415: refusal('unsupported_media_type'),
        429: refusal('rate_limited'),
      },
    },
  },
  '/api/credentials/{id}': {
    get: {
      summary: 'A badge’s signed `OpenBadgeCredential`, as issued (public contract); `?download` for a file',
      auth: 'public',
      params: { id: uuidParam },
      query: z.object({ download: z.string().optional().describe('present: sent as an attachment') }),
      responses: { 200: vc('OpenBadgeCredential (W3C VC 2.0, Data Integrity proof eddsa-rdfc-2022)'), 404: refusal('not_found') },
    },
  },
  '/api/credentials/{id}/badge.svg': {
    get: {
      summary: 'The badge as a baked SVG carrying its signed credential (`openbadges:credential`)',
      auth: 'public',
      params: { id: uuidParam },
      responses: { 200: textAnswer('image/svg+xml', 'SVG'), 404: refusal('not_found') },
    },
  },
  '/api/endorsements/{id}': {
    get: {
      summary: 'A signed `EndorsementCredential` of an achievement (public contract)',
      auth: 'public',
      params: { id: uuidParam },
      responses: { 200: vc('EndorsementCredential'), 404: refusal('not_found') },
    },
  },
  // ---------------------------------------------------------------- paths and resources
  '/api/paths': {
    get: { summary: 'Active paths, by title (public contract)', auth: 'public', responses: { 200: ok('Paths', r.pathsResponse) } },
  },
  '/api/paths/{path}': {
    get: {
      summary: 'A path with its published resources (coordinators’ order) and linked sessions (public contract)',
      auth: 'public',
      responses: { 200: ok('The path', r.pathResponse), 404: refusal('path_not_found') },
    },
  },
  '/api/paths/{path}/feed.atom': {
    get: { summary: 'Atom feed of the path’s resources (public contract)', auth: 'public', responses: { 200: atom, 404: refusal('path_not_found') } },
  },
  '/api/feed.atom': { get: { summary: 'Atom feed of every path’s resources (public contract)', auth: 'public', responses: { 200: atom } } },
  '/api/search': {
    get: {
      summary: 'Full-text search over paths, resources and sessions (public contract)',
      description: 'French stemming and accent-insensitive; English content under English stemming. An empty query gives no result; a bad filter is a 400.',
      auth: 'public',
      query: searchRequest,
      responses: { 200: ok('Results, best first', r.searchResponse), 400: invalid },
    },
  },
  '/api/paths/{path}/resources': {
    post: {
      summary: 'A new resource on the path (its coordinators, organizers, admins): a draft, or published with `publish`',
      auth: 'session',
      body: { json: createResourceRequest },
      responses: jsonWrite(unauthenticated, { 201: ok('Created', r.createdResourceResponse) }),
    },
  },
  '/api/paths/{path}/resources/{resourceId}': {
    patch: {
      summary: 'Edit a resource (reviewers of its paths); `version` is the one read',
      auth: 'session',
      params: pathAndResource,
      body: { json: updateResourceRequest },
      responses: jsonWrite(unauthenticated, {
        200: ok('Saved', r.versionResponse),
        400: refusal('invalid (with `fields`), invalid_json, unchanged'),
        409: conflict('conflict: changed meanwhile'),
      }),
    },
  },
  '/api/paths/{path}/resources/{resourceId}/transition': {
    post: {
      summary: 'Workflow: submit, publish, decline (with a reason, mailed to the proposer), archive, unpublish, reopen',
      auth: 'session',
      params: pathAndResource,
      body: { json: transitionRequest },
      responses: jsonWrite(unauthenticated, { 200: ok('New status', r.transitionResponse), 409: conflict('invalid_transition') }),
    },
  },
  '/api/paths/{path}/resources/{resourceId}/revisions': {
    get: {
      summary: 'A resource’s revisions (who, when, what changed), newest first, each with its diff (reviewers)',
      auth: 'session',
      params: pathAndResource,
      responses: { 200: ok('Revisions', r.revisionsResponse), 401: unauthenticated, 403: forbidden, 404: refusal('not_found') },
    },
  },
  '/api/paths/{path}/order': {
    put: {
      summary: 'Order the path’s resources (its coordinators)',
      auth: 'session',
      body: { json: reorderRequest },
      responses: jsonWrite(unauthenticated, { 204: { description: 'Ordered' } }),
    },
  },
  '/api/paths/{path}/review-queue': {
    get: {
      summary: 'Resources waiting for review on the path, oldest first (its reviewers; empty for anyone else)',
      auth: 'session',
      responses: { 200: ok('Queue', r.reviewQueueResponse), 401: unauthenticated },
    },
  },
  '/api/paths/{path}/proposals': {
    post: {
      summary: 'Propose a resource (signed in, or a registrant with the personal link `token`): it waits in the coordinators’ review queue',
      auth: 'participant',
      body: { json: proposeResourceRequest },
      responses: jsonWrite(participantUnknown, { 201: ok('Proposed', r.proposedResourceResponse), 409: conflict('path_archived') }),
    },
  },
  '/api/paths/{path}/sessions': {
    put: {
      summary: 'Link or unlink a programme session to the path (organizers of its event, admins)',
      auth: 'session',
      body: { json: linkSessionRequest },
      responses: jsonWrite(unauthenticated, { 200: ok('Whether anything changed', r.linkSessionResponse) }),
    },
  },
  '/api/paths/{path}/subscriptions': {
    post: {
      summary: 'Follow the path by e-mail (weekly digest of new resources), for one’s own address',
      auth: 'participant',
      body: { json: subscribeRequest },
      responses: jsonWrite(participantUnknown, {
        201: ok('Subscribed', r.subscribedResponse),
        403: refusal('cross_origin; address_unproven (a personal link whose address is not proven yet: docs/security.md)'),
      }),
    },
  },
  '/api/paths/{path}/unsubscribe': {
    get: {
      summary: 'The digest’s unsubscribe page (confirmation)',
      auth: 'public',
      query: z.object({ token: z.string() }),
      responses: { 200: html('Confirmation page'), 404: html('Unknown token (HTML page)') },
    },
    post: {
      summary: 'One-click unsubscribe (RFC 8058: `List-Unsubscribe=One-Click` as a form)',
      auth: 'public',
      query: z.object({ token: z.string() }),
      description:
        'The body is not read: mail clients post the form `List-Unsubscribe=One-Click`, the confirmation page’s button an empty form (both `application/x-www-form-urlencoded`).',
      responses: { 200: html('Unsubscribed (HTML page)'), 404: html('Unknown token (HTML page)') },
    },
  },
  // ---------------------------------------------------------------- after the sessions (docs/privacy.md, "Mails after the sessions")
  '/api/feedback/{token}': {
    post: {
      summary: 'Answer a feedback request (the link mailed after a session to those who attended): a rating 1–5 and an optional open answer, once, without sign-in',
      auth: 'public',
      params: { token: z.string().describe('the feedback link’s token') },
      body: { json: feedbackRequest },
      responses: {
        201: ok('Answer recorded', r.feedbackAnsweredResponse),
        400: invalid,
        403: refusal('cross_origin'),
        404: refusal('not_found: no such feedback link'),
        409: conflict('already_answered: this link was answered already'),
        410: refusal('expired: the link’s time to answer has passed'),
        413: refusal('body_too_large'),
        415: refusal('unsupported_media_type'),
        429: refusal('rate_limited'),
      },
    },
  },
  '/api/after-session/unsubscribe': {
    get: {
      summary: 'The unsubscribe page of the mails after the sessions (confirmation)',
      auth: 'public',
      query: z.object({ token: z.string() }),
      responses: { 200: html('Confirmation page'), 404: html('Unknown token (HTML page)') },
    },
    post: {
      summary: 'One-click unsubscribe from the mails after the sessions (RFC 8058: `List-Unsubscribe=One-Click` as a form)',
      auth: 'public',
      query: z.object({ token: z.string() }),
      description: 'The body is not read (a mail client’s `List-Unsubscribe=One-Click`, or the confirmation page’s empty form).',
      responses: { 200: html('Unsubscribed (HTML page)'), 404: html('Unknown token (HTML page)') },
    },
  },
  // ---------------------------------------------------------------- calls for proposals (docs/calls.md)
  '/api/events/{event}/calls': {
    get: {
      summary: 'Calls for proposals of an event, with committee, criteria, dates and counts per status (public contract)',
      auth: 'public',
      responses: { 200: ok('Calls', r.callsResponse), 404: refusal('event_not_found') },
    },
  },
  '/api/calls/{call}': {
    get: {
      summary: 'A call for proposals with its committee, criteria, dates, counts per status and how long proposals wait (public contract)',
      auth: 'public',
      responses: { 200: ok('The call', r.callResponse), 404: refusal('call_not_found') },
    },
  },
  '/api/calls/{call}/proposals': {
    get: {
      summary: 'An open call’s proposals with their public status timeline (public contract); no e-mail, need, score or comment',
      auth: 'public',
      responses: { 200: ok('Proposals, oldest first', r.proposalsResponse), 403: refusal('call_closed: a closed call’s proposals are not public'), 404: refusal('call_not_found') },
    },
  },
  '/api/calls/{call}/decisions.atom': {
    get: {
      summary: 'Atom feed of an open call’s decisions, as they are made (public contract)',
      auth: 'public',
      responses: { 200: atom, 403: refusal('call_closed'), 404: refusal('call_not_found') },
    },
  },
};

/**
 * Route files under app/api that are not operations of the document: catch-alls, each with what
 * it answers (docs/api.md).
 */
export const catchAllRoutes: Record<string, string> = {
  '/api/auth/[...nextauth]': 'next-auth’s sign-in endpoints (its own contract)',
  '/api/[...path]': 'any other /api/ path: 404 not_found in the error shape, for every method',
};

const operationPaths = Object.entries(apiRegistry).map(([template, ops]) => {
  const methods = Object.keys(ops).map((m) => m.toUpperCase());
  if (methods.includes('GET')) methods.push('HEAD');
  const pattern = template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+');
  return { re: new RegExp(`^${pattern}$`), methods };
});

/**
 * The methods an operation path of the registry answers (HEAD with GET), or null when `pathname` is
 * none of them: the request gate answers any other (but OPTIONS) with `405` and `Allow`.
 */
export function allowedMethods(pathname: string): string[] | null {
  return operationPaths.find((p) => p.re.test(pathname))?.methods ?? null;
}

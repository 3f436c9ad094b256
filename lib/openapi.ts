import { z } from 'zod';
import { pathsOpenApi } from './openapi-paths';
import { registrationRequest } from './domain/registration';
import { grantSchema } from './domain/roles';
import { moderationRequest } from './domain/video';

/**
 * The OpenAPI description of the HTTP API, served at /api/openapi.json. Request bodies come
 * from the same zod schemas the routes validate with; a test checks every route is described.
 */
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const error = {
  description: 'Refused',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: '#/components/responses/Error' }]));
const eventParam = { name: 'event', in: 'path', required: true, schema: { type: 'string' }, description: 'event slug' };
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } } } });

const seat = {
  type: 'object',
  required: ['sessionId', 'status'],
  properties: { sessionId: { type: 'string', format: 'uuid' }, status: { enum: ['confirmed', 'waitlisted'] } },
};
const registration = {
  type: 'object',
  required: ['id', 'status', 'sessions'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { enum: ['active', 'cancelled'] },
    sessions: { type: 'array', items: seat },
    joinToken: { type: 'string', description: 'The personal link, only in the 201 answer that created the registration; a repeat (200) mails it to the address instead.' },
  },
};

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Chemins', version: '0.1.0', description: 'Hybrid forums: programme, registration, open exports, live rooms.' },
    servers: [{ url: serverUrl }],
    components: { responses: { Error: error } },
    paths: {
      ...pathsOpenApi,
      '/api/health': {
        get: {
          summary: 'Health of the app and its components (public contract)',
          responses: {
            '200': {
              description: 'Healthy',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['status', 'db', 'realtime', 'livekit'],
                    properties: {
                      status: { const: 'ok' },
                      db: { const: 'ok' },
                      realtime: { const: 'ok' },
                      livekit: { enum: ['ok', 'not-configured', 'down'] },
                    },
                  },
                },
              },
            },
            '503': { description: 'Degraded: the database or realtime is down' },
          },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events (public contract)',
          responses: {
            '200': {
              description: 'Events, oldest first',
              content: {
                'application/json': {
                  schema: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['slug', 'title', 'startsAt', 'endsAt', 'timeZone'],
                      properties: {
                        slug: { type: 'string' },
                        title: { type: 'string' },
                        startsAt: { type: 'string', format: 'date-time' },
                        endsAt: { type: 'string', format: 'date-time' },
                        timeZone: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/api/events/{event}/sessions': {
        get: {
          summary: 'Sessions of an event with seat counts (public contract)',
          parameters: [eventParam],
          responses: {
            '200': {
              description: 'Sessions',
              content: {
                'application/json': {
                  schema: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string', format: 'uuid' },
                        slug: { type: 'string' },
                        title: { type: 'string' },
                        kind: { enum: ['plenary', 'session', 'workshop', 'round_table', 'short_talk', 'side_event', 'social'] },
                        startsAt: { type: 'string', format: 'date-time' },
                        endsAt: { type: 'string', format: 'date-time' },
                        room: { type: ['string', 'null'] },
                        mode: { enum: ['onsite', 'online', 'hybrid'] },
                        visibility: { enum: ['public', 'invitation'] },
                        status: { enum: ['confirmed', 'tentative', 'cancelled'] },
                        capacity: { type: ['integer', 'null'] },
                        confirmedCount: { type: 'integer' },
                        waitlistCount: { type: 'integer' },
                        live: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
            },
            ...errors(404),
          },
        },
      },
      '/api/events/{event}/registrations': {
        post: {
          summary: 'Register (idempotent by e-mail; capacity enforced, waiting list) (public contract)',
          parameters: [eventParam],
          requestBody: { required: true, content: { 'application/json': { schema: json(registrationRequest) } } },
          responses: {
            '201': { description: 'New registration', content: { 'application/json': { schema: registration } } },
            '200': { description: 'Same e-mail again: the registration, updated', content: { 'application/json': { schema: registration } } },
            ...errors(400, 403, 404, 413),
          },
        },
      },
      '/api/events/{event}/registrations.csv': {
        get: { summary: 'Attendee list (organizers)', parameters: [eventParam], responses: { '200': text('text/csv', 'CSV'), ...errors(401, 403) } },
      },
      '/api/events/{event}/calendar.ics': {
        get: { summary: 'iCalendar of the public sessions (public contract)', parameters: [eventParam], responses: { '200': text('text/calendar', 'RFC 5545'), ...errors(404) } },
      },
      '/api/events/{event}/schedule.xml': {
        get: { summary: 'frab/c3voc schedule.xml (public contract)', parameters: [eventParam], responses: { '200': text('application/xml', 'schedule.xml'), ...errors(404) } },
      },
      '/api/events/{event}/schedule.json': {
        get: { summary: 'frab/c3voc schedule.json (public contract)', parameters: [eventParam], responses: { '200': { description: 'schedule.json' }, ...errors(404) } },
      },
      '/api/me/calendar.ics': {
        get: {
          summary: 'The person’s own sessions, subscribable (public contract)',
          parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': text('text/calendar', 'RFC 5545'), ...errors(401, 404) },
        },
      },
      '/api/registrations/{token}/cancel': {
        post: {
          summary: 'Cancel one seat (`sessionId`) or the whole registration, from the personal link',
          parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { sessionId: { type: 'string', format: 'uuid' } } } } } },
          responses: { '200': { description: 'Cancelled seats and promotions' }, ...errors(400, 404) },
        },
      },
      '/api/sessions/{sessionId}/livekit-token': {
        post: {
          summary: 'A LiveKit token for the session’s room (public contract)',
          description:
            'Short-lived (10 minutes): fetch a new one to rejoin. 401 unauthenticated; 403 not_registered, not_confirmed (invitation-only or full session without a confirmed seat), removed (by a moderator), room_not_open (cancelled, or outside ROOM_OPEN_MINUTES before the start to ROOM_GRACE_MINUTES after the end); 404 not_found; 503 video_not_configured.',
          parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          security: [{}, { joinToken: [] }],
          responses: {
            '200': {
              description: 'Token',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['serverUrl', 'token', 'role'],
                    properties: { serverUrl: { type: 'string' }, token: { type: 'string' }, role: { enum: ['attendee', 'speaker', 'moderator'] } },
                  },
                },
              },
            },
            ...errors(401, 403, 404, 503),
          },
        },
      },
      '/api/sessions/{sessionId}/room/moderate': {
        post: {
          summary: 'A moderator action on the session’s video room: promote, demote, mute, remove (banned from the session), end',
          parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, content: { 'application/json': { schema: json(moderationRequest) } } },
          responses: {
            '200': { description: 'Done, and written to the audit log' },
            ...errors(400, 401, 403, 404, 503),
          },
        },
      },
      '/api/livekit/webhook': {
        post: {
          summary: 'LiveKit webhooks (signed by the LiveKit server): attendance and the room’s live state',
          requestBody: { required: true, content: { 'application/webhook+json': { schema: { type: 'object' } } } },
          responses: { '200': { description: 'Recorded' }, ...errors(401, 503) },
        },
      },
      '/api/admin/roles': {
        post: {
          summary: 'Grant a role (admins)',
          requestBody: { required: true, content: { 'application/json': { schema: json(grantSchema) } } },
          responses: { '201': { description: 'Granted' }, ...errors(400, 401, 403, 404) },
        },
        delete: {
          summary: 'Revoke a grant (admins)',
          parameters: [{ name: 'id', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '204': { description: 'Revoked' }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/join': {
        get: {
          summary: 'From a personal link into live rooms: remembers the registration in a cookie, then redirects to `next`',
          parameters: [
            { name: 'token', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'next', in: 'query', required: false, schema: { type: 'string' }, description: 'a same-site path' },
          ],
          responses: { '303': { description: 'Redirect' }, ...errors(404) },
        },
      },
      '/api/sessions/{sessionId}/qa.md': {
        get: {
          summary: 'The session’s Q&A as Markdown with front matter, ready for a meeting report (organizers, moderators, coordinators)',
          parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': text('text/markdown', 'Markdown'), ...errors(401, 403, 404) },
        },
      },
      '/api/sessions/{sessionId}/qa.csv': {
        get: {
          summary: 'The session’s Q&A as CSV (organizers, moderators, coordinators)',
          parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': text('text/csv', 'CSV'), ...errors(401, 403, 404) },
        },
      },
      '/api/attachments': {
        post: {
          summary:
            'Upload a file for a resource form or a path cover (signed in, or a registrant’s personal link). Type and size are checked from the content (no SVG, no programs); images get WebP variants. Attached when the form is saved (`attachmentIds`).',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: { file: { type: 'string', format: 'binary' }, next: { type: 'string', description: 'a same-site path: answer with a 303 there instead of JSON' } },
                },
              },
            },
          },
          responses: { '201': { description: 'Stored' }, '303': { description: 'Back to `next`' }, ...errors(400, 401, 403, 413, 415, 429) },
        },
      },
      '/api/attachments/{id}': {
        get: {
          summary: 'An attachment (published resources and path covers: everybody; otherwise its uploader and the path’s reviewers)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'variant', in: 'query', required: false, schema: { enum: ['thumb', 'medium'] } },
          ],
          responses: { '200': { description: 'The file, with its sniffed type' }, ...errors(404) },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
  };
}

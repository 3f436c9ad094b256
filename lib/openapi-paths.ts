import { z } from 'zod';
import {
  createResourceRequest,
  linkSessionRequest,
  proposeResourceRequest,
  reorderRequest,
  subscribeRequest,
  transitionRequest,
  updateResourceRequest,
} from './domain/resources';

// The paths, resources, search and feeds part of the OpenAPI description (lib/openapi.ts), with
// request bodies from the zod schemas the routes validate with.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: '#/components/responses/Error' }]));
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: json(schema) } } });
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const atom = { description: 'Atom 1.0 (RFC 4287)', content: { 'application/atom+xml': { schema: { type: 'string' } } } };
const pathParam = { name: 'path', in: 'path', required: true, schema: { type: 'string' }, description: 'path slug' };
const resourceParam = { name: 'resourceId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const str = { type: 'string' };
const nullable = (type: string) => ({ type: [type, 'null'] });

const coordinator = { type: 'object', required: ['name', 'organization'], properties: { name: str, organization: nullable('string') } };
const session = {
  type: 'object',
  required: ['slug', 'title', 'startsAt', 'endsAt', 'event', 'url', 'outputs'],
  properties: {
    slug: str,
    title: str,
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    status: { enum: ['confirmed', 'tentative', 'cancelled'] },
    event: { type: 'object', properties: { slug: str, title: str } },
    url: str,
    outputs: { type: 'array', items: { type: 'object', properties: { slug: str, title: str, format: str, url: str } }, description: 'published reports and replays' },
  },
};
const resource = {
  type: 'object',
  required: ['slug', 'title', 'summary', 'format', 'language', 'licence', 'authors', 'url'],
  properties: {
    slug: str,
    title: str,
    summary: str,
    format: str,
    language: str,
    date: nullable('string'),
    licence: { type: 'string', description: 'SPDX identifier, or all-rights-reserved' },
    authors: { type: 'array', items: { type: 'object', properties: { name: str, organization: nullable('string'), kind: { enum: ['person', 'organization'] } } } },
    mediaUrl: nullable('string'),
    publishedAt: nullable('string'),
    url: str,
  },
};

export const pathsOpenApi = {
  '/api/paths': {
    get: {
      summary: 'Active paths (public contract)',
      responses: {
        '200': ok('Paths, by title', {
          type: 'array',
          items: {
            type: 'object',
            required: ['slug', 'title', 'summary', 'coordinators', 'resourceCount'],
            properties: { slug: str, title: str, summary: str, coordinators: { type: 'array', items: coordinator }, resourceCount: { type: 'integer' } },
          },
        }),
      },
    },
  },
  '/api/paths/{path}': {
    get: {
      summary: 'A path with its published resources (coordinators’ order) and linked sessions (public contract)',
      parameters: [pathParam],
      responses: {
        '200': ok('The path', {
          type: 'object',
          required: ['slug', 'title', 'summary', 'description', 'coordinators', 'resources', 'sessions'],
          properties: {
            slug: str,
            title: str,
            summary: str,
            description: { type: 'string', description: 'Markdown' },
            url: str,
            coordinators: { type: 'array', items: { ...coordinator, properties: { ...coordinator.properties, kind: { enum: ['person', 'organization'] } } } },
            resourceCount: { type: 'integer' },
            resources: { type: 'array', items: resource },
            sessions: { type: 'object', properties: { upcoming: { type: 'array', items: session }, past: { type: 'array', items: session } } },
          },
        }),
        ...errors(404),
      },
    },
  },
  '/api/paths/{path}/feed.atom': { get: { summary: 'Atom feed of the path’s resources (public contract)', parameters: [pathParam], responses: { '200': atom, ...errors(404) } } },
  '/api/feed.atom': { get: { summary: 'Atom feed of every path’s resources (public contract)', responses: { '200': atom } } },
  '/api/search': {
    get: {
      summary: 'Full-text search over paths, resources and sessions (public contract)',
      description: 'French stemming and accent-insensitive; English content under English stemming. An empty query gives no result; a bad filter is a 400.',
      parameters: [
        { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
        { name: 'path', in: 'query', required: false, schema: str, description: 'path slug' },
        { name: 'format', in: 'query', required: false, schema: str },
        { name: 'licence', in: 'query', required: false, schema: str },
        { name: 'lang', in: 'query', required: false, schema: str },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50 } },
      ],
      responses: {
        '200': ok('Results, best first', {
          type: 'object',
          required: ['results'],
          properties: {
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: ['type', 'slug', 'title', 'snippet', 'url'],
                properties: {
                  type: { enum: ['path', 'resource', 'session'] },
                  slug: str,
                  title: str,
                  snippet: { type: 'string', description: 'HTML-escaped text; matches in <mark>, no other markup' },
                  snippetParts: { type: 'array', items: { type: 'object', properties: { text: str, match: { type: 'boolean' } } } },
                  url: str,
                },
              },
            },
          },
        }),
        ...errors(400),
      },
    },
  },
  '/api/paths/{path}/resources': {
    post: {
      summary: 'A new resource on the path (its coordinators, organizers, admins): a draft, or published with `publish`',
      parameters: [pathParam],
      requestBody: body(createResourceRequest),
      responses: { '201': ok('Created: { id, slug, status }'), ...errors(400, 401, 403, 404, 413, 415, 429) },
    },
  },
  '/api/paths/{path}/resources/{resourceId}': {
    patch: {
      summary: 'Edit a resource (reviewers of its paths); `version` is the one read',
      parameters: [pathParam, resourceParam],
      requestBody: body(updateResourceRequest),
      responses: { '200': ok('Saved: { version }'), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
    },
  },
  '/api/paths/{path}/resources/{resourceId}/transition': {
    post: {
      summary: 'Workflow: submit, publish, decline (with a reason, mailed to the proposer), archive, unpublish, reopen',
      parameters: [pathParam, resourceParam],
      requestBody: body(transitionRequest),
      responses: { '200': ok('New status: { status, version }'), ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  },
  '/api/paths/{path}/resources/{resourceId}/revisions': {
    get: {
      summary: 'A resource’s revisions (who, when, what changed), newest first, each with its diff (reviewers)',
      parameters: [pathParam, resourceParam],
      responses: { '200': ok('Revisions', { type: 'array' }), ...errors(401, 403, 404) },
    },
  },
  '/api/paths/{path}/order': {
    put: {
      summary: 'Order the path’s resources (its coordinators)',
      parameters: [pathParam],
      requestBody: body(reorderRequest),
      responses: { '204': { description: 'Ordered' }, ...errors(400, 401, 403, 404, 415, 429) },
    },
  },
  '/api/paths/{path}/review-queue': {
    get: { summary: 'Resources waiting for review on the path (its reviewers)', parameters: [pathParam], responses: { '200': ok('Queue, oldest first', { type: 'array' }), ...errors(401) } },
  },
  '/api/paths/{path}/proposals': {
    post: {
      summary: 'Propose a resource (signed in, or a registrant with the personal link `token`): it waits in the coordinators’ review queue',
      parameters: [pathParam],
      requestBody: body(proposeResourceRequest),
      responses: { '201': ok('Proposed: { id, slug }'), ...errors(400, 401, 404, 409, 413, 415, 429) },
    },
  },
  '/api/paths/{path}/sessions': {
    put: {
      summary: 'Link or unlink a programme session to the path (organizers of its event, admins)',
      parameters: [pathParam],
      requestBody: body(linkSessionRequest),
      responses: { '200': ok('{ changed }'), ...errors(400, 401, 403, 404, 415, 429) },
    },
  },
  '/api/paths/{path}/subscriptions': {
    post: {
      summary: 'Follow the path by e-mail (weekly digest of new resources), for one’s own address',
      parameters: [pathParam],
      requestBody: body(subscribeRequest),
      responses: { '201': ok('Subscribed'), ...errors(400, 401, 404, 415, 429) },
    },
  },
  '/api/paths/{path}/unsubscribe': {
    get: {
      summary: 'The digest’s unsubscribe page (confirmation)',
      parameters: [pathParam, { name: 'token', in: 'query', required: true, schema: str }],
      responses: { '200': { description: 'HTML page' }, '404': { description: 'Unknown token (HTML page)' } },
    },
    post: {
      summary: 'One-click unsubscribe (RFC 8058)',
      parameters: [pathParam, { name: 'token', in: 'query', required: true, schema: str }],
      responses: { '200': { description: 'Unsubscribed (HTML page)' }, '404': { description: 'Unknown token (HTML page)' } },
    },
  },
  '/api/sessions/{sessionId}/meeting-report': {
    post: {
      summary: 'Turn the session’s Q&A into a draft meeting report on its paths (organizers, moderators, coordinators of its paths)',
      parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '201': ok('Draft: { id, slug }'), ...errors(401, 403, 404, 409) },
    },
  },
};

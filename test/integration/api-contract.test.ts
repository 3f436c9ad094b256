import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as unknownApi from '@/app/api/[...path]/route';
import { GET as eventSessions } from '@/app/api/events/[event]/sessions/route';
import { GET as scheduleJson } from '@/app/api/events/[event]/schedule.json/route';
import { GET as events } from '@/app/api/events/route';
import { GET as oneCall } from '@/app/api/calls/[call]/route';
import { GET as callProposals } from '@/app/api/calls/[call]/proposals/route';
import { GET as eventCalls } from '@/app/api/events/[event]/calls/route';
import { GET as onePath } from '@/app/api/paths/[path]/route';
import { GET as allPaths } from '@/app/api/paths/route';
import { POST as cancelRegistration } from '@/app/api/registrations/[token]/cancel/route';
import { GET as search } from '@/app/api/search/route';
import { seed } from '@/db/seed';
import { DEMO_CALL_SLUG, FORUM_2018_CALL_SLUG } from '@/db/seed/data/calls';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { openApiDocument } from '@/lib/openapi';
import { useFreshDatabase } from './support';

// Real answers of a few routes, checked against the schema the generated OpenAPI document gives
// for their status and content type (the document schemathesis checks the running app against).

const doc = openApiDocument('http://127.0.0.1:3999');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;

async function conforms(res: Response, path: string, method: string) {
  const op = (doc.paths[path] as Record<string, { responses: Responses }>)[method]!;
  const documented = op.responses[String(res.status)];
  expect(documented, `${method} ${path}: status ${res.status} is documented`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const media = documented!.content?.[type];
  expect(media, `${method} ${path}: ${type} is documented for ${res.status}`).toBeDefined();
  const body: unknown = await res.json();
  const validate = ajv.compile({ ...media!.schema, components: doc.components });
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${res.status}`).toEqual([]);
  return body;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

describe('answers conform to the generated OpenAPI document', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  beforeAll(async () => {
    process.env.PUBLIC_URL = 'http://127.0.0.1:3999';
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
  });
  afterAll(async () => db?.close());

  it('events, sessions and schedule.json', async () => {
    const list = (await conforms(await events(new Request('http://x/api/events')), '/api/events', 'get')) as { slug: string }[];
    expect(list.map((e) => e.slug)).toContain(DEMO_EVENT_SLUG);
    const sessions = (await conforms(await eventSessions(new Request('http://x'), params({ event: DEMO_EVENT_SLUG })), '/api/events/{event}/sessions', 'get')) as unknown[];
    expect(sessions.length).toBeGreaterThan(0);
    await conforms(await eventSessions(new Request('http://x'), params({ event: 'no-such-event' })), '/api/events/{event}/sessions', 'get');
    await conforms(await scheduleJson(new Request('http://x'), params({ event: DEMO_EVENT_SLUG })), '/api/events/{event}/schedule.json', 'get');
  });

  it('paths, a path and search', async () => {
    const list = (await conforms(await allPaths(new Request('http://x/api/paths')), '/api/paths', 'get')) as { slug: string }[];
    expect(list.length).toBeGreaterThan(0);
    const path = (await conforms(await onePath(new Request('http://x'), params({ path: list[0]!.slug })), '/api/paths/{path}', 'get')) as { resources: unknown[] };
    expect(path.resources).toBeInstanceOf(Array);
    const found = (await conforms(await search(new Request('http://x/api/search?q=sante')), '/api/search', 'get')) as { results: unknown[] };
    expect(found.results.length).toBeGreaterThan(0);
    await conforms(await search(new Request('http://x/api/search?limit=0')), '/api/search', 'get');
  });

  it('calls for proposals, their proposals and refusals', async () => {
    const list = (await conforms(await eventCalls(new Request('http://x'), params({ event: DEMO_EVENT_SLUG })), '/api/events/{event}/calls', 'get')) as unknown[];
    expect(list.length).toBeGreaterThan(0);
    await conforms(await oneCall(new Request('http://x'), params({ call: DEMO_CALL_SLUG })), '/api/calls/{call}', 'get');
    await conforms(await oneCall(new Request('http://x'), params({ call: 'no-such-call' })), '/api/calls/{call}', 'get');
    const proposals = (await conforms(await callProposals(new Request('http://x'), params({ call: DEMO_CALL_SLUG })), '/api/calls/{call}/proposals', 'get')) as unknown[];
    expect(proposals.length).toBeGreaterThan(0);
    await conforms(await callProposals(new Request('http://x'), params({ call: FORUM_2018_CALL_SLUG })), '/api/calls/{call}/proposals', 'get');
  });

  it('refusals have the error shape', async () => {
    const res = await cancelRegistration(new Request('http://x', { method: 'POST', body: '{}' }), params({ token: 'no-such-token-000' }));
    expect(res.status).toBe(404);
    await conforms(res, '/api/registrations/{token}/cancel', 'post');
    // Only an empty body means "the whole registration": `null` is not a body of the schema.
    const nullBody = await cancelRegistration(new Request('http://x', { method: 'POST', body: 'null' }), params({ token: 'no-such-token-000' }));
    expect(nullBody.status).toBe(400);
    await conforms(nullBody, '/api/registrations/{token}/cancel', 'post');
  });

  it('unknown /api/ paths answer a JSON 404 for every method', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      const res = await unknownApi[method](new Request('http://x/api/nowhere', { method }));
      expect(res.status, method).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });
});

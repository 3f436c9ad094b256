import { request as httpRequest } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import postgres from 'postgres';
import { baseURL } from '../playwright.config';
import { DEMO_EVENT, LIVE_SESSION, registerThroughForm, signInWithMagicLink } from './support/helpers';

/**
 * Hostile input against the production build on loopback (issue 16): every public route, with NUL
 * bytes, huge bodies, bodies of unknown length, wrong content types, foreign origins and unknown
 * methods, answers a 4xx in the error shape and nothing already stored changes. Then the
 * redirects, the CSV exports and the security headers and CSP, in Chromium.
 */

type Raw = { request: string; status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One request over node:http (fetch cannot send TRACE, lie about a length or stop mid-body). With
 * `partial`, only that many bytes of the body are sent and the body is never finished: an answer
 * then proves the server did not wait for the rest.
 */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string, partial?: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
    const req = httpRequest(`${baseURL}${path}`, { method, headers: sized }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        resolve({ request: `${method} ${path} ${JSON.stringify(headers)}`, status: res.statusCode!, headers: res.headers, body: text });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => reject(new Error(`no answer within 10 s: ${method} ${path} ${JSON.stringify(headers)}`)));
    if (partial !== undefined) req.write(Buffer.alloc(partial, 0x20));
    else req.end(body);
  });
}

function expectError(res: Raw, status: number, code?: string) {
  expect(res.status, `${res.request}: ${res.status} ${res.body}`).toBe(status);
  const parsed = JSON.parse(res.body) as { error: { code: string; message: string } };
  expect(parsed.error).toEqual(expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }));
}

const EVENT = 'edition-demo';
const JSON_TYPE = { 'content-type': 'application/json' };

test.describe('hostile input on every public route', () => {
  test.skip(!process.env.DATABASE_URL, 'compares what is stored in the Postgres of DATABASE_URL');
  let sql: ReturnType<typeof postgres>;
  let token: string;
  let sessionId: string;
  /** Every write route, with a valid-looking JSON body. */
  let writes: { method: string; path: string; body: string; type: string }[];
  /** Every read route. */
  let reads: string[];

  /** What is stored, table by table, as one fingerprint each. */
  async function snapshot() {
    const tables = ['events', 'programme_sessions', 'registrations', 'registration_sessions', 'role_grants', 'event_questions', 'invitation_codes', 'users', 'questions'];
    const out: Record<string, string> = {};
    for (const t of tables) {
      const [row] = await sql.unsafe(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${t} x`);
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  test.beforeAll(async ({ request }) => {
    sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const sessions = (await (await request.get(`/api/events/${EVENT}/sessions`)).json()) as { id: string; slug: string }[];
    sessionId = sessions.find((s) => s.slug === 'ouverture-en-direct')!.id;
    const res = await request.post(`/api/events/${EVENT}/registrations`, {
      data: { name: 'Témoin', email: `temoin-${Date.now()}@hostile.test`, sessionIds: [sessionId], consent: true },
    });
    expect(res.status()).toBe(201);
    token = ((await res.json()) as { joinToken: string }).joinToken;
    const registration = JSON.stringify({ name: 'Intrus', email: `intrus-${Date.now()}@hostile.test`, sessionIds: [sessionId], consent: true });
    writes = [
      { method: 'POST', path: `/api/events/${EVENT}/registrations`, body: registration, type: 'application/json' },
      { method: 'POST', path: `/api/registrations/${token}/cancel`, body: '{}', type: 'application/json' },
      { method: 'POST', path: `/api/sessions/${sessionId}/livekit-token`, body: '{}', type: 'application/json' },
      { method: 'POST', path: `/api/sessions/${sessionId}/room/moderate`, body: JSON.stringify({ action: 'end' }), type: 'application/json' },
      { method: 'POST', path: '/api/livekit/webhook', body: '{"event":"room_finished"}', type: 'application/webhook+json' },
      { method: 'POST', path: '/api/admin/roles', body: JSON.stringify({ email: 'x@hostile.test', role: 'admin' }), type: 'application/json' },
      { method: 'DELETE', path: '/api/admin/roles?id=00000000-0000-4000-8000-000000000000', body: '{}', type: 'application/json' },
      { method: 'POST', path: '/api/auth/signin/email', body: 'email=x%40hostile.test', type: 'application/x-www-form-urlencoded' },
    ];
    reads = [
      '/api/events',
      `/api/events/${EVENT}/sessions`,
      `/api/events/${EVENT}/calendar.ics`,
      `/api/events/${EVENT}/schedule.json`,
      `/api/events/${EVENT}/schedule.xml`,
      `/api/events/${EVENT}/registrations.csv`,
      `/api/sessions/${sessionId}/qa.csv`,
      `/api/sessions/${sessionId}/qa.md`,
      `/api/join?token=${token}`,
      `/api/me/calendar.ics?token=${token}`,
      '/api/health',
      '/api/openapi.json',
    ];
  });
  test.afterAll(async () => {
    await sql?.end();
  });

  test('NUL bytes, unknown methods, huge and unsized bodies, wrong content types, foreign origins: 4xx, nothing changed', async () => {
    const before = await snapshot();

    // NUL bytes in a token, a path, a query, a JSON body.
    for (const path of ['/api/join?token=%00', '/api/me/calendar.ics?token=%00', `/api/events/${EVENT}%00/sessions`, '/r/%00']) {
      expectError(await raw('GET', path), 400, 'invalid_request');
    }
    expectError(await raw('POST', '/api/registrations/a%00b/cancel', JSON_TYPE, '{}'), 400, 'invalid_request');
    expectError(await raw('POST', `/api/registrations/${token}%00/cancel`, JSON_TYPE, '{}'), 400, 'invalid_request');
    const nulName = await raw('POST', `/api/events/${EVENT}/registrations`, JSON_TYPE, JSON.stringify({ name: 'A\u0000B', email: 'nul@hostile.test', sessionIds: [sessionId], consent: true }));
    expectError(nulName, 400, 'invalid');
    expect(JSON.parse(nulName.body).error.fields).toHaveProperty('name');
    const nulAnswer = await raw('POST', `/api/sessions/${sessionId}/room/moderate`, JSON_TYPE, JSON.stringify({ action: 'remove', identity: '\u0000' }));
    expectError(nulAnswer, 400, 'invalid');

    for (const w of writes) {
      // Unknown methods.
      for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) expectError(await raw(method, w.path), 405, 'method_not_allowed');
      // 200 MB announced, 1 KiB sent: refused on the announced length.
      const huge = await raw(w.method, w.path, { 'content-type': w.type, 'content-length': String(200 * 1024 * 1024) }, undefined, 1024);
      expectError(huge, 413, 'payload_too_large');
      // No length (chunked): refused before a byte is read (registrations count the bytes as they come, below).
      if (!w.path.endsWith('/registrations')) {
        expectError(await raw(w.method, w.path, { 'content-type': w.type, 'transfer-encoding': 'chunked' }, undefined, 0), 411, 'length_required');
      }
      // A cross-site form can send text/plain only.
      expectError(await raw(w.method, w.path, { 'content-type': 'text/plain' }, w.body), 415, 'unsupported_media_type');
      // A foreign origin, or a browser's cross-site fetch.
      expectError(await raw(w.method, w.path, { 'content-type': w.type, origin: 'http://evil.example' }, w.body), 403, 'forbidden_origin');
      expectError(await raw(w.method, w.path, { 'content-type': w.type, origin: 'null' }, w.body), 403, 'forbidden_origin');
      expectError(await raw(w.method, w.path, { 'content-type': w.type, 'sec-fetch-site': 'cross-site' }, w.body), 403, 'forbidden_origin');
    }
    const chunkedRegistration = await raw('POST', `/api/events/${EVENT}/registrations`, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, undefined, 300 * 1024);
    expectError(chunkedRegistration, 413, 'payload_too_large');
    for (const path of reads) {
      for (const method of ['TRACE', 'PROPFIND', 'LINK']) expectError(await raw(method, path), 405, 'method_not_allowed');
      expectError(await raw('GET', `${path}${path.includes('?') ? '&' : '?'}x=%00`), 400, 'invalid_request');
    }
    // Unknown methods on pages too.
    expect((await raw('TRACE', DEMO_EVENT)).status).toBe(405);

    expect(await snapshot()).toEqual(before);
    // The witness's registration is whole.
    const [reg] = await sql`select status from registrations where join_token = ${token}`;
    expect(reg!.status).toBe('active');
  });

  test('next= leads only to a path of this site', async () => {
    for (const next of ['/%5Cevil.example/x', '/%09/evil.example', '//evil.example', 'https://evil.example/', '/%5C%5Cevil.example']) {
      const res = await raw('GET', `/api/join?token=${token}&next=${next}`);
      expect(res.status, next).toBe(303);
      const location = String(res.headers.location);
      expect(new URL(location, baseURL).origin, `${next} → ${location}`).toBe(baseURL);
      expect(location.startsWith('//') || location.includes('\\'), location).toBe(false);
    }
    const ok = await raw('GET', `/api/join?token=${token}&next=${encodeURIComponent(`${LIVE_SESSION}?x=1`)}`);
    expect(ok.headers.location).toBe(`${LIVE_SESSION}?x=1`);
  });
});

test('attendee CSV: a registrant’s name and answers cannot become spreadsheet formulas; a question just added is accepted', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'adds a text question in the Postgres of DATABASE_URL');
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const stamp = Date.now();
  const key = `commentaire_${stamp}`;
  const hostile = [
    { name: '=HYPERLINK("http://evil.example","x")', answer: '+SUM(1,2)' },
    { name: '-1+1', answer: '@SUM(A1)' },
  ];
  try {
    // The server has a copy of the event already (earlier registrations); an organizer adds a question.
    await page.request.post(`/api/events/${EVENT}/registrations`, { data: { name: 'Avant', email: `before-${stamp}@hostile.test`, consent: true } });
    await sql`insert into event_questions (event_id, key, label, kind, required, position)
              select id, ${key}, 'Commentaire', 'text', false, 97 from events where slug = ${EVENT}`;
    for (const [i, h] of hostile.entries()) {
      const res = await page.request.post(`/api/events/${EVENT}/registrations`, {
        data: { name: h.name, email: `formula${i}-${stamp}@hostile.test`, answers: { [key]: h.answer }, consent: true },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await signInWithMagicLink(page, 'organisatrice@chemins.test');
    const csv = await (await page.request.get(`/api/events/${EVENT}/registrations.csv`)).text();
    const line = (i: number) => csv.split('\n').find((l) => l.includes(`formula${i}-${stamp}@hostile.test`))!;
    expect(line(0).startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")",`)).toBe(true);
    expect(line(0)).toContain(`"'+SUM(1,2)"`);
    expect(line(1).startsWith(`'-1+1,`)).toBe(true);
    expect(line(1)).toContain(`'@SUM(A1)`);
  } finally {
    // Leave the event as it was for the other specs (their CSV header lists the answers' keys).
    await sql`delete from event_questions where key = ${key}`;
    await sql`delete from registrations where email like ${`%-${stamp}@hostile.test`}`;
    await sql.end();
  }
});

/** Collect every CSP violation the page reports (the event, and Chromium's console line). */
function watchCsp(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${location.pathname}`));
  });
  return seen;
}

test('security headers on pages and API answers', async ({ request }) => {
  for (const path of ['/', DEMO_EVENT, '/api/events', '/api/health', '/signin']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    expect(h['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('same-origin');
  }
  // A new nonce for every page, and Next's scripts carry it.
  const one = await request.get(DEMO_EVENT);
  const nonce = /'nonce-([^']+)'/.exec(one.headers()['content-security-policy']!)![1]!;
  expect(await one.text()).toContain(`nonce="${nonce}"`);
  const two = await request.get(DEMO_EVENT);
  expect(two.headers()['content-security-policy']).not.toContain(nonce);
});

test('under the CSP in Chromium: registration form, personal page with QR code, live page (Socket.IO), video room (LiveKit); no violation; no framing', async ({ page }) => {
  const violations = watchCsp(page);
  // Register through the form (a server action).
  await page.goto(`${DEMO_EVENT}/register`);
  await registerThroughForm(page, 'Chloé CSP', `csp-${Date.now()}@hostile.test`);
  await expect(page.getByRole('img', { name: /QR/i })).toBeVisible();
  // The live page: its realtime connection works under the policy.
  const sessions = (await (await page.request.get(`/api/events/${EVENT}/sessions`)).json()) as { id: string; slug: string }[];
  const live = sessions.find((s) => s.slug === 'ouverture-en-direct')!;
  const res = await page.request.post(`/api/events/${EVENT}/registrations`, {
    data: { name: 'Chloé CSP', email: `csp-live-${Date.now()}@hostile.test`, sessionIds: [live.id], consent: true },
  });
  const { joinToken } = (await res.json()) as { joinToken: string };
  await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(LIVE_SESSION)}`);
  await expect(page.getByLabel('Votre question')).toBeVisible();
  const asked = `Sous CSP ${Date.now()}`;
  await page.getByLabel('Votre question').fill(asked);
  await page.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(page.getByTestId('question').filter({ hasText: asked })).toBeVisible();
  // The video room: LiveKit over WebSocket under connect-src.
  if (process.env.LIVEKIT_URL) {
    await page.goto(`${LIVE_SESSION}/room`);
    await expect(page.getByTestId('prejoin')).toBeVisible();
    await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
    await expect(page.getByTestId('room')).toBeVisible({ timeout: 30_000 });
  }
  expect(violations).toEqual([]);

  // Another page cannot frame one of this site: Chromium shows its error page in the frame instead.
  await page.goto('about:blank');
  await page.setContent(`<iframe src="${baseURL}${DEMO_EVENT}"></iframe>`);
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveCount(0);
});

test('under the CSP in Chromium: the moderator’s view, the projector and the organizer’s area; no violation', async ({ browser }) => {
  const mod = await (await browser.newContext()).newPage();
  const violations = watchCsp(mod);
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();
  await mod.goto(`${LIVE_SESSION}/projector`);
  await expect(mod.getByTestId('projector')).toBeVisible();
  const organizer = await (await browser.newContext()).newPage();
  const organizerViolations = watchCsp(organizer);
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  await organizer.goto(`/organize/${EVENT}`);
  await expect(organizer.locator('[data-session-slug]').first()).toBeVisible();
  expect([...violations, ...organizerViolations]).toEqual([]);
  // Leave the live session empty for the next specs (presence counts).
  await mod.context().close();
  await organizer.context().close();
});

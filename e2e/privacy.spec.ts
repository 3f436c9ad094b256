import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { DEMO_EVENT, LIVE_SESSION, registrant, RUN_ID, signInWithMagicLink } from './support/helpers';

/** Every request and WebSocket a page opens that goes to another origin than the app's. */
function watchOrigins(page: Page): string[] {
  const foreign: string[] = [];
  const check = (url: string) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    const u = new URL(url);
    const origin = `${u.protocol.replace('ws', 'http')}//${u.host}`;
    if (origin !== baseURL) foreign.push(url);
  };
  page.on('request', (req) => check(req.url()));
  page.on('websocket', (ws) => check(ws.url()));
  return foreign;
}

/** The main page types, signed out. */
const PAGES = [
  '/',
  DEMO_EVENT,
  `${DEMO_EVENT}/sessions/atelier-documenter-ensemble`,
  LIVE_SESSION,
  `${DEMO_EVENT}/register`,
  '/paths',
  '/paths/climat-et-biodiversite',
  '/search?q=climat',
  '/people/jacques-francois-marchandise',
  '/organizations/inno3',
  '/badges',
  '/signin',
  '/privacy',
  '/me/data',
  '/r',
];

test('no page loads anything from another origin: no trackers, fonts or scripts from elsewhere', async ({ page }) => {
  // Fifteen pages, each until the network is idle (late fonts and scripts count too).
  test.setTimeout(180_000);
  const foreign = watchOrigins(page);
  for (const path of PAGES) {
    const res = await page.goto(path, { waitUntil: 'networkidle' });
    expect(res?.status(), path).toBeLessThan(400);
  }
  // A resource page, reached from a path.
  await page.goto('/paths/climat-et-biodiversite');
  const resource = page.locator('a[href^="/resources/"]').first();
  if (await resource.count()) {
    await resource.click();
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});

test('a registrant without an account downloads their data and deletes it from their personal link; the session they took part in still renders', async ({ browser }) => {
  const name = `Zoé Effacée ${RUN_ID}`;
  const page = await registrant(browser, name);
  const foreign = watchOrigins(page);
  const question = `Que devient ma question une fois effacée ? ${RUN_ID}`;
  await page.getByLabel('Votre question').fill(question);
  await page.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(page.getByRole('list', { name: 'Questions' }).getByText(question)).toBeVisible();

  // The privacy page is linked from every page's footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vos données personnelles' })).toBeVisible();
  await expect(page.getByTestId('retention')).toContainText('12 mois');
  await page.getByRole('link', { name: 'Mes données' }).click();
  await expect(page.getByTestId('my-data-who')).toContainText(name);

  // Download: one JSON document with the registration and the question.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger (JSON)' }).click();
  const file = await (await download).path();
  const data = JSON.parse(readFileSync(file!, 'utf8'));
  expect(data.registrations[0].name).toBe(name);
  expect(data.questions.map((q: { body: string }) => q.body)).toContain(question);

  // Delete, with a confirmation step; keyboard focus lands on the confirmation.
  await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
  await expect(page.getByRole('button', { name: 'Oui, tout supprimer' })).toBeFocused();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
  await page.getByRole('button', { name: 'Oui, tout supprimer' }).click();
  await expect(page.getByRole('status')).toContainText('Votre compte et vos données ont été supprimés.');

  // Signed out: the personal link's browser session is gone, and the API no longer knows them.
  expect((await page.request.get('/api/me/data')).status()).toBe(401);
  await page.goto('/me/data');
  await expect(page.getByText('Connectez-vous, ou ouvrez votre lien personnel')).toBeVisible();

  // The session still renders, with the question, without the name.
  const res = await page.goto(LIVE_SESSION);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('list', { name: 'Questions' }).getByText(question)).toBeVisible();
  await expect(page.locator('main')).not.toContainText(name);
  expect(foreign).toEqual([]);
});

test('the erase endpoint refuses bad requests with the error shape and erases nothing', async ({ request }) => {
  const reg = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Yves Refus', email: `yves-${Date.now()}@chemins.test`, consent: true },
  });
  const { joinToken } = await reg.json();
  const origin = { origin: baseURL };
  const as = (token: string) => ({ ...origin, authorization: `Bearer ${token}` });
  const unconfirmed = await request.post('/api/me/erase', { data: {}, headers: as(joinToken) });
  expect(unconfirmed.status()).toBe(400);
  expect((await unconfirmed.json()).error.code).toBe('invalid');
  const text = await request.post('/api/me/erase', { data: 'confirm', headers: { ...as(joinToken), 'content-type': 'text/plain' } });
  expect(text.status()).toBe(415);
  const unknown = await request.post('/api/me/erase', { data: { confirm: true }, headers: as('pas-un-lien') });
  expect(unknown.status()).toBe(401);
  expect((await request.post('/api/me/erase', { data: { confirm: true }, headers: origin })).status()).toBe(401);
  // Still there.
  // The token goes in a header, never in the URL: a query token names nobody.
  expect((await request.get(`/api/me/data?token=${joinToken}`)).status()).toBe(401);
  const mine = await request.get('/api/me/data', { headers: as(joinToken) });
  expect(mine.status()).toBe(200);
  expect((await mine.json()).registrations[0].name).toBe('Yves Refus');
  // And erased by the token, when confirmed.
  const ok = await request.post('/api/me/erase', { data: { confirm: true }, headers: as(joinToken) });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).erased).toBe(true);
  expect((await request.get('/api/me/data', { headers: as(joinToken) })).status()).toBe(401);
});

test('a signed-in person deletes their account: signed out at once, the address can start afresh', async ({ page }) => {
  const email = `compte-efface-${RUN_ID}@chemins.test`;
  await signInWithMagicLink(page, email);
  await page.goto('/me/data');
  await expect(page.getByTestId('my-data-who')).toContainText(email);
  const mine = await page.request.get('/api/me/data');
  expect(mine.status()).toBe(200);
  expect((await mine.json()).account.email).toBe(email);
  await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
  await page.getByLabel('Garder mon nom sur mes ressources publiées et mes propositions').check();
  await page.getByRole('button', { name: 'Oui, tout supprimer' }).click();
  await expect(page.getByRole('status')).toContainText('Votre compte et vos données ont été supprimés.');
  await page.goto('/');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect((await page.request.get('/api/me/data')).status()).toBe(401);
});

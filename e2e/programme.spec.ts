import { expect, test } from '@playwright/test';
import { DEMO_EVENT } from './support/helpers';

test('a visitor opens the home page, then the demo event, and sees its programme', async ({ page }) => {
  await page.goto('/');
  const events = page.getByTestId('event-list');
  await expect(events.getByRole('link', { name: 'Chemins — édition de démonstration' })).toBeVisible();
  await expect(events.getByRole('link', { name: /Forum des usages coopératifs.*2018/ })).toBeVisible();
  await expect(page.getByTestId('path-list').getByRole('listitem')).toHaveCount(7);

  await events.getByRole('link', { name: 'Chemins — édition de démonstration' }).click();
  await expect(page).toHaveURL(new RegExp(`${DEMO_EVENT}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chemins — édition de démonstration');
  const live = page.locator('[data-session-slug="ouverture-en-direct"]');
  await expect(live.getByRole('link', { name: /Ouverture en direct/ })).toBeVisible();
  await expect(live.locator('[data-badge="live"]')).toBeVisible();
  await expect(page.locator('[data-session-slug="reunion-coordinateurs"] [data-badge="invitation"]')).toBeVisible();
  await expect(page.locator('[data-session-slug="recit-de-territoire"] [data-badge="tentative"]')).toBeVisible();
});

test('the 2018 forum shows its programme over its days, and filters by format without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/events/forum-usages-cooperatifs-2018');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Forum des usages coopératifs');
  const all = await page.locator('[data-session-slug]').count();
  expect(all).toBeGreaterThan(20);
  await page.getByLabel('Format').selectOption('workshop');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page).toHaveURL(/kind=workshop/);
  const workshops = await page.locator('[data-session-slug]').count();
  expect(workshops).toBeGreaterThanOrEqual(10);
  expect(workshops).toBeLessThan(all);
  await context.close();
});

test('an unknown event URL gets a proper 404 page', async ({ page }) => {
  const res = await page.goto('/events/cet-evenement-nexiste-pas');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  const api = await page.request.get('/api/nothing-here');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('health answers with every component', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok', realtime: 'ok', livekit: 'ok', mail: 'ok' });
});

import { expect, test } from '@playwright/test';
import { DEMO_EVENT, signInWithMagicLink } from './support/helpers';

// The demo's past session has a replay (a 60 s video) with its questions and chat along it.
const PAST_SESSION = `${DEMO_EVENT}/sessions/webinaire-d-hier`;

test('a visitor watches the demo replay with its conversation beside it; choosing a message seeks there', async ({ page }) => {
  await page.goto(PAST_SESSION);
  await expect(page.getByTestId('recorded-notice')).toBeVisible();
  await page.getByTestId('session-replays').getByRole('link').first().click();
  await expect(page.getByTestId('replay')).toBeVisible();
  const video = page.getByTestId('replay-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration || 0), { timeout: 30_000 }).toBeGreaterThan(50);

  const items = page.getByTestId('replay-timeline').getByRole('listitem');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThanOrEqual(6);
  // An anonymous question stays anonymous; chapters come from the questions put on air.
  await expect(page.getByTestId('replay-timeline')).toContainText('Anonyme');
  await expect(page.getByTestId('replay-chapters').getByRole('listitem')).toHaveCount(2);

  // Choosing a message seeks the video to it, and the list marks it as playing.
  const target = items.filter({ hasText: 'Les horaires des services publics' });
  await target.getByRole('link').click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(17.5);
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveURL(/\?t=18$/);
});

test('without JavaScript, the replay page lists the conversation and a time opens the video there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const session = sessions.find((s: { slug: string }) => s.slug === 'webinaire-d-hier');
  const replays = await (await page.request.get(`/api/sessions/${session.id}/replays`)).json();
  expect(replays).toHaveLength(1);
  expect(replays[0]).toMatchObject({ kind: 'upload', durationSeconds: 60 });
  const timeline = await (await page.request.get(`/api/replays/${replays[0].id}/timeline`)).json();
  expect(timeline.items.length).toBeGreaterThanOrEqual(6);

  await page.goto(`/replays/${replays[0].id}?t=30`);
  await expect(page.getByTestId('replay-timeline')).toContainText('Bonjour à toutes et à tous');
  await expect(page.getByTestId('replay-video')).toHaveAttribute('src', /#t=30$/);
  await context.close();
});

test('a moderator adds a replay by link, with the moment it starts; it is listed for everyone', async ({ page }) => {
  await signInWithMagicLink(page, 'moderateur@chemins.test');
  await page.goto(`${PAST_SESSION}/moderate`);
  const manager = page.getByTestId('replay-manager');
  await expect(manager.getByTestId('managed-replay')).toHaveCount(1);
  const title = `Lien ${Date.now().toString(36)}`;
  const form = manager.locator('form').first();
  await form.getByLabel('Adresse de la vidéo').fill('https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d');
  await form.getByLabel('Titre (facultatif)').fill(title);
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(manager.getByTestId('managed-replay').filter({ hasText: title })).toBeVisible();

  await page.goto(PAST_SESSION);
  await page.getByTestId('session-replays').getByRole('link', { name: title }).click();
  await expect(page.locator('iframe[src^="https://framatube.org/videos/embed/"]')).toHaveCount(1);
  // Clean up for the other tests: the demo keeps its one replay.
  await page.goto(`${PAST_SESSION}/moderate`);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('managed-replay').filter({ hasText: title }).getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByTestId('managed-replay')).toHaveCount(1);
});

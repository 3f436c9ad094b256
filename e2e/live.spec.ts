import { expect, test } from '@playwright/test';
import { LIVE_SESSION, signInWithMagicLink } from './support/helpers';

test('two people on the live demo session each see a presence count of 2', async ({ browser }) => {
  // Earlier specs open this session too: a page closed while its socket was still on HTTP
  // long-polling (before the WebSocket upgrade) is only seen gone after Socket.IO's ping interval
  // and timeout (25 s + 20 s). Wait for them to leave before counting.
  test.setTimeout(120_000);
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await pageA.goto(LIVE_SESSION);
  await expect(pageA.getByTestId('presence')).toHaveText('1 personne ici', { timeout: 60_000 });
  await pageB.goto(LIVE_SESSION);
  await expect(pageB.getByTestId('presence')).toHaveText('2 personnes ici');
  await expect(pageA.getByTestId('presence')).toHaveText('2 personnes ici');
  await b.close();
  await expect(pageA.getByTestId('presence')).toHaveText('1 personne ici');
  await a.close();
});

test('a token minted by the app lets livekit-client in Chromium connect to the room', async ({ page }) => {
  const email = `video-${Date.now()}@chemins.test`;
  await signInWithMagicLink(page, email);
  // Signed in but not registered: the video room refuses; registered to the event: admitted.
  await page.goto(LIVE_SESSION);
  await page.getByTestId('join-live').click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}/room$`));
  await expect(page.getByTestId('room-refused')).toHaveAttribute('data-code', 'not_registered');
  const registered = await page.request.post('/api/events/edition-demo/registrations', { data: { name: 'Vidéo', email, consent: true } });
  expect(registered.ok()).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Connexion à la salle…')).toHaveCount(0, { timeout: 30_000 });
});

test('a visitor who is not signed in is asked to sign in before joining the video', async ({ page }) => {
  await page.goto(LIVE_SESSION);
  await page.getByTestId('join-live').click();
  await expect(page.getByText('Connectez-vous ou utilisez votre lien personnel pour entrer dans la salle.')).toBeVisible();
  const res = await page.request.post('/api/sessions/00000000-0000-4000-8000-000000000000/livekit-token');
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
});

test('a registrant who never signed in joins the live room and its video from the personal link', async ({ page, request }) => {
  const sessions = await (await request.get('/api/events/edition-demo/sessions')).json();
  const live = sessions.find((s: { slug: string }) => s.slug === 'ouverture-en-direct');
  expect(live.live).toBe(true);
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Rémi Registrant', email: `remi-${Date.now()}@chemins.test`, sessionIds: [live.id], consent: true },
  });
  const { joinToken } = await res.json();
  await page.goto(`/r/${joinToken}`);
  await page.getByRole('link', { name: 'Rejoindre en direct' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}$`));
  await expect(page.getByTestId('presence')).toHaveText(/personnes? ici/);
  // One way in: the live page holds the video, the questions and the chat.
  await page.getByTestId('join-live').click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}/room$`));
  // Watching a stage: no camera or microphone asked for.
  await expect(page.getByTestId('prejoin-hint')).toContainText('ni caméra ni micro');
  await expect(page.getByRole('checkbox', { name: 'Caméra' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toHaveAttribute('data-can-publish', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
  await expect(page.getByLabel('Votre question')).toBeVisible();
  // A bad personal link is refused clearly.
  const bad = await page.request.get('/api/join?token=nope');
  expect(bad.status()).toBe(404);
});

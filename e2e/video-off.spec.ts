import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import config, { baseURL } from '../playwright.config';
import { freePort } from '../test/support/free-port';
import { DEMO_EVENT, LIVE_SESSION } from './support/helpers';

// What a person sees when this server has no video (no LiveKit): said before any click, with the
// questions and chat offered instead of a dead end. The suite's server usually has LiveKit; then
// this spec starts a second one of the same build without it, on a database of its own (embedded,
// under E2E_DATA_DIR) and without Redis, so that its start (which re-dates the demo edition) leaves
// the suite's data alone.

let server: ChildProcess | null = null;
let url = baseURL;

test.beforeAll(async () => {
  if (!process.env.LIVEKIT_URL) return;
  test.setTimeout(180_000);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const app = (Array.isArray(config.webServer) ? config.webServer : [config.webServer]).find((w) => w?.command === 'npm run start')!;
  const env: NodeJS.ProcessEnv = { ...process.env, ...app.env, PORT: String(port), PUBLIC_URL: url };
  for (const name of ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'DATABASE_URL', 'REDIS_URL']) delete env[name];
  env.DATA_DIR = path.join(process.env.E2E_DATA_DIR ?? '.test-data/e2e', 'video-off');
  server = spawn('npm', ['run', 'start'], { env, stdio: 'ignore', detached: true });
  await expect
    .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 150_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(async () => {
  // The whole process group: npm and the server it started.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('without video, the programme and the session page say so before any click and lead to the questions and chat', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: url })).newPage();
  expect(await (await page.request.get('/api/health')).json()).toMatchObject({ livekit: 'not-configured' });

  // The programme's marker stays truthful.
  await page.goto(DEMO_EVENT);
  const item = page.locator('h4').filter({ has: page.getByRole('link', { name: 'Ouverture en direct' }) });
  await expect(item.locator('[data-badge="live"]')).toHaveText('En direct — questions et chat');

  // The session page says it before the click, and offers what exists.
  await page.goto(LIVE_SESSION);
  await expect(page.getByTestId('video-off')).toContainText('Pas de vidéo sur ce serveur : cette session se suit par ses questions et son chat');
  await expect(page.getByTestId('join-live')).toHaveCount(0);
  await expect(page.locator('h1 [data-badge="live"]')).toHaveText('En direct — questions et chat');
  await page.getByRole('link', { name: 'Rejoindre les questions et le chat' }).click();
  await expect(page).toHaveURL(/#live-panel$/);
  await expect(page.locator('#live-panel #qa-title')).toBeInViewport();
  await expect(page.locator('#live-panel #chat-title')).toBeVisible();
  await expect(page.getByTestId('presence')).toBeVisible();

  // Whoever reaches the room page anyway is told, and led back.
  await page.goto(`${LIVE_SESSION}/room`);
  await expect(page.getByTestId('video-not-configured')).toContainText('les questions et le chat de la session restent ouverts');
  await expect(page.getByTestId('video-not-configured').getByRole('link', { name: 'Retour à la session' })).toHaveAttribute('href', LIVE_SESSION);
});

import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { smtpSinkPort } from '../playwright.config';
import { type OwnLivekit, type OwnRedis, startLivekit, startRedis } from '../test/faults/services';
import { freePort } from '../test/support/free-port';
import { LIVE_SESSION, RUN_ID, signInWithMagicLink } from './support/helpers';
import { type OwnServer, startOwnServer } from './support/own-server';

// LiveKit restarts during a stage (issue 33): a speaker publishes, a registrant watches, both in a
// real Chromium with fake devices; the LiveKit server is killed (SIGKILL: no goodbye to anyone) and
// started again on the same ports with the same keys. The browsers reconnect by themselves, without
// a click, and the viewer sees the speaker's video again within 15 s of the restart (LiveKit's
// client's own reconnection); and after an absence longer than that client retries, the page rejoins
// by itself with a fresh token (components/video/VideoRoom.tsx, lib/domain/video-reconnect). This spec's own
// LiveKit (test/faults/services.ts) and its own built server pointed at it (the suite's LiveKit is
// shared and never stopped), with its own embedded database.
test.describe.configure({ timeout: 240_000 });

const STAGE_ROOM = `${LIVE_SESSION}/room`;
/** The bound: browsers reconnect by themselves within 15 s. */
const RECONNECT_MS = 15_000;
/** Back from a long absence: the next rejoin (10 s apart at most, ±20 %), its token and its join. */
const AWAY_RECONNECT_MS = 30_000;

let livekit: OwnLivekit | undefined;
let redis: OwnRedis | undefined;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  // LiveKit on its own Redis, as in production (docker-compose.yml: egress needs it).
  redis = await startRedis();
  livekit = await startLivekit(`http://127.0.0.1:${port}/api/livekit/webhook`, redis.url, { media: true });
  server = await startOwnServer(
    { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.key, LIVEKIT_API_SECRET: livekit.secret, SMTP_URL: `smtp://127.0.0.1:${smtpSinkPort}`, MAIL_POLL_MS: '300' },
    path.resolve(`.test-data/e2e-lk-restart-${RUN_ID}`),
    port,
  );
});

test.afterAll(async () => {
  await server?.stop();
  await livekit?.destroy();
  await redis?.destroy();
});

/** Whether `page` presents a new frame of `name`'s camera within a second (false: none, or no tile). */
function framesOf(page: Page, name: string): Promise<boolean> {
  return page
    .getByTestId('tile')
    .filter({ hasText: name })
    .locator('video')
    .first()
    .evaluate(
      (v: HTMLVideoElement) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 1000);
          v.requestVideoFrameCallback(() => {
            clearTimeout(timer);
            resolve(true);
          });
        }),
      undefined,
      { timeout: 2000 },
    )
    .catch(() => false);
}

/** A speaker on the stage and a registrant watching it, the viewer seeing the speaker's camera. */
async function stageWithViewer(browser: Browser, base: string, tag: string): Promise<{ speaker: Page; viewer: Page; close: () => Promise<void> }> {
  const speakerContext = await browser.newContext({ baseURL: base });
  const speaker = await speakerContext.newPage();
  await signInWithMagicLink(speaker, 'intervenante@chemins.test');
  await speaker.goto(STAGE_ROOM);
  await speaker.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(speaker.getByTestId('room')).toHaveAttribute('data-role', 'speaker', { timeout: 30_000 });
  await expect(speaker.getByRole('button', { name: 'Couper la caméra' })).toBeVisible({ timeout: 20_000 });

  // A registrant by personal link watches the stage.
  const viewerContext = await browser.newContext({ baseURL: base });
  const viewer = await viewerContext.newPage();
  const sessions = (await (await viewer.request.get('/api/events/edition-demo/sessions')).json()) as { id: string; slug: string }[];
  const session = sessions.find((s) => s.slug === 'ouverture-en-direct')!;
  const reg = await viewer.request.post('/api/events/edition-demo/registrations', {
    data: { name: `Vera ${tag}`, email: `vera-${tag}-${RUN_ID}@chemins.test`, sessionIds: [session.id], consent: true },
  });
  expect(reg.status()).toBe(201);
  await viewer.goto(`/api/join?token=${((await reg.json()) as { joinToken: string }).joinToken}&next=${encodeURIComponent(STAGE_ROOM)}`);
  await viewer.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(viewer.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/, { timeout: 30_000 });
  await expect.poll(() => framesOf(viewer, 'Intervenante'), { timeout: 30_000 }).toBe(true);
  return {
    speaker,
    viewer,
    close: async () => {
      await speakerContext.close();
      await viewerContext.close();
    },
  };
}

/** Both still in, in their roles, without a click. */
async function bothBackIn(speaker: Page, viewer: Page) {
  for (const page of [speaker, viewer]) {
    await expect(page.getByTestId('room-out')).toHaveCount(0);
    await expect(page.getByTestId('room')).toBeVisible();
  }
  await expect(speaker.getByTestId('room')).toHaveAttribute('data-role', 'speaker');
  await expect(viewer.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
}

test('LiveKit restarts under a stage: speaker and viewer reconnect by themselves, the speaker is seen again within 15 s', async ({ browser }) => {
  const { speaker, viewer, close } = await stageWithViewer(browser, server!.base, 'restart');

  // LiveKit dies: the viewer's picture stops.
  await livekit!.stop();
  await expect.poll(() => framesOf(viewer, 'Intervenante'), { timeout: 15_000 }).toBe(false);

  // LiveKit is back (same ports, same keys, no room and nobody in it): no click anywhere.
  const restartedAt = Date.now();
  await livekit!.start();
  await expect.poll(() => framesOf(viewer, 'Intervenante'), { timeout: RECONNECT_MS, intervals: [100] }).toBe(true);
  const seenAgainMs = Date.now() - restartedAt;
  test.info().annotations.push({ type: 'speaker seen again after the restart (ms)', description: String(seenAgainMs) });
  console.log(`LiveKit restart: the viewer sees the speaker again ${seenAgainMs} ms after the restart began`);
  expect(seenAgainMs).toBeLessThan(RECONNECT_MS);
  await bothBackIn(speaker, viewer);
  await close();
});

test('LiveKit away longer than its client retries: the page says it reconnects, then gets in again by itself with a fresh token', async ({ browser }) => {
  test.setTimeout(300_000);
  const { speaker, viewer, close } = await stageWithViewer(browser, server!.base, 'away');

  // LiveKit's client gives up after about 45 s of retries: the pages do not, and say so.
  await livekit!.stop();
  for (const page of [viewer, speaker]) {
    await expect(page.getByTestId('room-rejoining')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('room-rejoining')).toContainText('Connexion perdue, reconnexion…');
  }
  // Still trying while LiveKit is away (the token is refused while its API cannot be reached).
  await expect.poll(async () => Number(await viewer.getByTestId('room-rejoining').getAttribute('data-attempt')), { timeout: 30_000 }).toBeGreaterThan(1);

  const restartedAt = Date.now();
  await livekit!.start();
  // The next try (every 10 s at most) gets a fresh token and enters: the speaker publishes again, the viewer sees them.
  await expect.poll(() => framesOf(viewer, 'Intervenante'), { timeout: AWAY_RECONNECT_MS, intervals: [200] }).toBe(true);
  const seenAgainMs = Date.now() - restartedAt;
  console.log(`LiveKit away: the viewer sees the speaker again ${seenAgainMs} ms after LiveKit was started again`);
  expect(seenAgainMs).toBeLessThan(AWAY_RECONNECT_MS);
  await bothBackIn(speaker, viewer);
  await close();
});

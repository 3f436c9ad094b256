import { expect, test } from '@playwright/test';
import { cameraNudger, egressActive, stageWithModerator } from './support/egress';
import { closeOwnContexts, expectNoSidewaysScroll, LIVE_SESSION, registrant } from './support/helpers';

// Run only by scripts/recording-e2e.sh (RECORDING_E2E=1), inside its private network namespace: the
// real LiveKit Egress writes the stage as HLS under the app's DATA_DIR (docs/diffusion.md), Chemins
// serves it, and an audience member's Chromium plays it with hls.js beside the Q&A.

test.afterEach(closeOwnContexts);

test('the diffusion: a speaker on stage, the moderator starts it, the playlist appears, the audience plays it beside the Q&A', async ({ browser }) => {
  test.setTimeout(540_000);
  const { speaker, moderator, sessionId } = await stageWithModerator(browser);
  const playlist = `/api/sessions/${sessionId}/hls/index.m3u8`;
  // Nothing is served before the diffusion runs: a 404 with the error shape.
  const before = await moderator.request.get(playlist);
  expect(before.status()).toBe(404);
  expect((await before.json()).error.code).toBe('not_found');

  // The demo's live plenary is a diffusion (above 500): its moderator starts it from the moderation view.
  await moderator.goto(`${LIVE_SESSION}/moderate`);
  await moderator.getByTestId('diffusion-start').click();
  await expect(moderator.getByTestId('diffusion-status')).toHaveAttribute('data-running', 'true');
  // Egress writes the playlist once its pipeline runs (the camera nudged for a keyframe meanwhile).
  const started = Date.now();
  expect(await egressActive(sessionId, 180_000)).toBe(true);
  const nudge = cameraNudger(speaker);
  await expect
    .poll(
      async () => {
        const res = await moderator.request.get(playlist);
        const text = res.ok() ? await res.text() : '';
        if (!text.includes('#EXTINF')) await nudge();
        return text.includes('#EXTINF') ? res.headers()['content-type'] : null;
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toBe('application/vnd.apple.mpegurl');
  console.log(`diffusion: playlist with a segment ${Math.round((Date.now() - started) / 1000)} s after the start`);
  // A second start is refused with the error shape (one diffusion per session).
  const second = await moderator.request.post(`/api/sessions/${sessionId}/diffusion`, { data: { action: 'start' } });
  expect(second.status()).toBe(409);
  expect((await second.json()).error.code).toBe('already_diffusing');

  // An audience member on a phone chooses the broadcast: Chromium plays it (its time advances), the Q&A beside it.
  const viewer = await registrant(browser, 'Spectatrice');
  await viewer.setViewportSize({ width: 390, height: 844 });
  await viewer.goto(`${LIVE_SESSION}/room`);
  await viewer.getByTestId('diffusion-choose').click();
  await expect(viewer.getByTestId('diffusion-player')).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });
  const video = viewer.getByTestId('diffusion-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 90_000, intervals: [500] }).toBeGreaterThan(0);
  const at = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000, intervals: [500] }).toBeGreaterThan(at + 1);
  expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  // Publisher → viewer latency, from egress's wall-clock stamps (EXT-X-PROGRAM-DATE-TIME) on the frame playing:
  // ten samples a second apart (docs/diffusion.md "Latency"; indicative on a loaded machine).
  const samples: number[] = [];
  await expect
    .poll(
      async () => {
        const ms = Number(await viewer.getByTestId('diffusion-player').getAttribute('data-latency-ms'));
        if (ms > 0) samples.push(ms);
        return samples.length;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBeGreaterThanOrEqual(10);
  samples.sort((a, b) => a - b);
  console.log(`diffusion latency (publisher → HLS viewer): p50 ${(samples[Math.floor(samples.length / 2)]! / 1000).toFixed(1)} s, max ${(samples.at(-1)! / 1000).toFixed(1)} s over ${samples.length} samples`);
  await expect(viewer.getByTestId('qa')).toBeVisible();
  await expect(viewer.getByText('Vous regardez la retransmission')).toBeVisible();
  // Nobody else's page was moved: the viewer joined no WebRTC room.
  await expect(viewer.getByTestId('room')).toHaveCount(0);
  await expectNoSidewaysScroll(viewer);

  // Stopped: the playlist is no longer served.
  await moderator.getByTestId('diffusion-stop').click();
  await expect(moderator.getByTestId('diffusion-status')).toHaveAttribute('data-running', 'false');
  expect((await moderator.request.get(playlist)).status()).toBe(404);
});

import { setTimeout as delay } from 'node:timers/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { AccessToken } from 'livekit-server-sdk';
import { cameraNudger, egressActive, speakerOnStage } from '../../e2e/support/egress';
import { LIVE_SESSION, liveSessionId, registrant, signInWithMagicLink } from '../../e2e/support/helpers';
import { readStamps, stampedCamera } from './stamp';

// bench/media-latency (issue 28): stage publisher → viewer latency, WebRTC beside HLS, in one run on
// one machine. The speaker's camera draws the time into its frames (./stamp.ts); a stage viewer reads
// it back from the WebRTC video, an overflow viewer from the HLS diffusion's (egress's composite of
// the stage, segments served by Chemins, hls.js), over the same seconds. Also printed: what the
// player itself estimates from the playlist's EXT-X-PROGRAM-DATE-TIME (egress's wall clock). Runs
// inside scripts/recording-e2e.sh's namespace, with the real LiveKit, egress and the built app:
//   npm run build && scripts/recording-e2e.sh --config bench/media-latency/playwright.config.ts
// BENCH_SECONDS (30): how long both are read.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const KEY = process.env.LIVEKIT_API_KEY ?? '';
const SECRET = process.env.LIVEKIT_API_SECRET ?? '';
const WS_URL = (process.env.LIVEKIT_URL ?? '').replace(/^http/, 'ws');

type Rect = { x: number; y: number; w: number; h: number };

/**
 * Where the speaker's frame lies in egress's 1280×720 composite, as fractions: the layout page opened
 * here as egress's Chromium opens it (same viewport, a token like egress's), its main tile's video
 * box with `object-contain` applied to the frame's own shape.
 */
async function speakerRectInComposite(browser: Browser, sessionId: string): Promise<Rect> {
  const at = new AccessToken(KEY, SECRET, { identity: `EG_bench_${Date.now().toString(36)}`, ttl: 600 });
  at.kind = 'egress';
  at.addGrant({ room: `session-${sessionId}`, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`/media/layout?${new URLSearchParams({ url: WS_URL, token: await at.toJwt(), layout: 'speaker' })}`);
  const video = page.locator('[data-testid="composite-tile"][data-main] video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 60_000 }).toBeGreaterThan(0);
  const rect = await video.evaluate((v: HTMLVideoElement) => {
    const box = v.getBoundingClientRect();
    const scale = Math.min(box.width / v.videoWidth, box.height / v.videoHeight);
    const w = v.videoWidth * scale;
    const h = v.videoHeight * scale;
    return { x: (box.left + (box.width - w) / 2) / 1280, y: (box.top + (box.height - h) / 2) / 720, w: w / 1280, h: h / 720 };
  });
  await context.close();
  return rect;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { n: s.length, p50: at(50), p90: at(90), min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
};
const show = (name: string, xs: number[], unread: number) => {
  const s = stats(xs);
  return `${name.padEnd(34)} frames ${String(s.n).padStart(5)} (unreadable ${unread})  p50 ${(s.p50 / 1000).toFixed(2)} s  p90 ${(s.p90 / 1000).toFixed(2)} s  min ${(s.min / 1000).toFixed(2)} s  max ${(s.max / 1000).toFixed(2)} s`;
};

async function collected(page: Page, key: string): Promise<{ samples: number[]; unread: number }> {
  return page.evaluate((k) => {
    const w = window as unknown as { __latencies: Record<string, number[]>; __unread: Record<string, number> };
    return { samples: w.__latencies[k] ?? [], unread: w.__unread[k] ?? 0 };
  }, key);
}

test('publisher → viewer latency: WebRTC stage beside the HLS diffusion', async ({ browser }) => {
  test.skip(process.env.RECORDING_E2E !== '1', 'runs inside scripts/recording-e2e.sh (egress)');
  // The speaker, their camera stamped with the time.
  const speakerContext = await browser.newContext();
  await speakerContext.addInitScript(stampedCamera);
  const speaker = await speakerContext.newPage();
  await signInWithMagicLink(speaker, 'intervenante@chemins.test');
  await speakerOnStage(speaker);
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  const sessionId = await liveSessionId(moderator);

  // The stage viewer (WebRTC).
  const stage = await registrant(browser, 'Temoin Scene');
  await stage.goto(`${LIVE_SESSION}/room`);
  await stage.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(stage.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/, { timeout: 30_000 });
  const stageVideo = stage.getByTestId('tile').filter({ hasText: 'Intervenante' }).locator('video').first();
  await expect.poll(() => stageVideo.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
  await stageVideo.evaluate((v) => v.setAttribute('data-bench', 'stage'));

  // The diffusion, started by the moderator; the camera nudged for a keyframe until egress writes a segment.
  const started = await moderator.request.post(`/api/sessions/${sessionId}/diffusion`, { data: { action: 'start' } });
  expect(started.status()).toBe(200);
  expect(await egressActive(sessionId, 180_000)).toBe(true);
  const nudge = cameraNudger(speaker);
  const playlist = `/api/sessions/${sessionId}/hls/index.m3u8`;
  await expect
    .poll(
      async () => {
        const res = await moderator.request.get(playlist);
        const ok = res.ok() && (await res.text()).includes('#EXTINF');
        if (!ok) await nudge();
        return ok;
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toBe(true);
  const rect = await speakerRectInComposite(browser, sessionId);

  // The overflow viewer (HLS), as an audience member choosing the broadcast.
  const overflow = await registrant(browser, 'Temoin Diffusion');
  await overflow.goto(`${LIVE_SESSION}/room`);
  await overflow.getByTestId('diffusion-choose').click();
  const hlsVideo = overflow.getByTestId('diffusion-video');
  await expect.poll(() => hlsVideo.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 120_000, intervals: [500] }).toBeGreaterThan(2);

  // Both read over the same seconds, after a few seconds for the player to settle.
  await stage.evaluate(readStamps, { selector: 'video[data-bench="stage"]', key: 'webrtc' });
  await overflow.evaluate(readStamps, { selector: '[data-testid="diffusion-video"]', key: 'hls', rect });
  // The player's own estimate, read once a second over the same seconds.
  await overflow.evaluate((seconds) => {
    const w = window as unknown as { __estimates: number[]; __benchDone: boolean; __stalls: number };
    w.__estimates = [];
    // The player waiting for data while it should play: a stall, as a viewer sees it.
    w.__stalls = 0;
    document.querySelector('[data-testid="diffusion-video"]')?.addEventListener('waiting', () => w.__stalls++);
    const timer = setInterval(() => {
      const ms = Number(document.querySelector('[data-testid="diffusion-player"]')?.getAttribute('data-latency-ms'));
      if (ms > 0) w.__estimates.push(ms);
    }, 1000);
    setTimeout(() => {
      clearInterval(timer);
      w.__benchDone = true;
    }, seconds * 1000);
  }, SECONDS);
  // Meanwhile, when each segment first shows in the playlist, against the end of what it holds by
  // egress's clock: the part of the latency that is egress's (composite, encoder, segmenter).
  const published: number[] = [];
  const seen = new Set<string>();
  const done = overflow.waitForFunction(() => (window as unknown as { __benchDone?: boolean }).__benchDone === true, undefined, { timeout: (SECONDS + 30) * 1000 });
  let finished = false;
  void done.then(() => (finished = true));
  for (let first = true; !finished; first = false) {
    const text = await (await moderator.request.get(playlist)).text();
    const now = Date.now();
    for (const m of text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)\s+#EXTINF:([\d.]+),\s+(\S+\.ts)/g)) {
      if (seen.has(m[3]!)) continue;
      if (!first) published.push(now - (Date.parse(m[1]!) + Number(m[2]) * 1000));
      seen.add(m[3]!);
    }
    await delay(200); // the playlist read five times a second: a sampling period, not a wait for a condition
  }
  await done;
  const estimates = await overflow.evaluate(() => (window as unknown as { __estimates: number[] }).__estimates);
  const webrtc = await collected(stage, 'webrtc');
  const hls = await collected(overflow, 'hls');
  const dropped = await hlsVideo.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().droppedVideoFrames);
  const stalls = await overflow.evaluate(() => (window as unknown as { __stalls: number }).__stalls);
  console.log(`\nbench/media-latency: ${SECONDS} s, one machine (load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log(show('WebRTC stage (frames read)', webrtc.samples, webrtc.unread));
  console.log(show('HLS diffusion (frames read)', hls.samples, hls.unread));
  console.log(show('HLS, player estimate (PDT)', estimates, 0));
  console.log(show('HLS, segment end → in the playlist', published, 0));
  console.log(`HLS p50 / WebRTC p50: ${(stats(hls.samples).p50 / stats(webrtc.samples).p50).toFixed(1)}×; HLS speaker rect in the composite ${JSON.stringify(rect)}; stalls ${stalls}, frames dropped by the player ${dropped}`);
  expect(webrtc.samples.length).toBeGreaterThan(0);
  expect(hls.samples.length).toBeGreaterThan(0);

  await moderator.request.post(`/api/sessions/${sessionId}/diffusion`, { data: { action: 'stop' } });
  await speakerContext.close();
});

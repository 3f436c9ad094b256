// bench/room-join: in Chromium with fake media on the local LiveKit server, the time from clicking
// "Join" to the first remote video frame — in the app's room page (pre-join → token from the app →
// connect → the speaker's camera), beside a baseline measured in the same run: a minimal page that
// connects with livekit-client directly, with a token minted by this script. Both watch the same
// speaker (a publisher page kept in the room); runs alternate; median and p90 of BENCH_JOINS each.
//
//   npm run build, then
//   DATABASE_URL=postgres://… LIVEKIT_URL=http://127.0.0.1:7880 LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… \
//     npx tsx bench/room-join/run.ts
//   (BENCH_URL to use an app already running with the same LiveKit; BENCH_JOINS, default 10.)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { AccessToken } from 'livekit-server-sdk';
import { type Browser, chromium, type Page } from '@playwright/test';
import { freePort, percentile, startApp } from '../support';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
if (!LIVEKIT_URL || !LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) throw new Error('Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.');
if (!process.env.DATABASE_URL && !process.env.BENCH_URL) throw new Error('Set DATABASE_URL (or BENCH_URL).');
const JOINS = Number(process.env.BENCH_JOINS ?? 10);
const wsUrl = LIVEKIT_URL.replace(/^http/, 'ws');
const require = createRequire(import.meta.url);
// The package's main entry is dist/livekit-client.umd.js (its exports map hides the path itself).
const clientBundle = readFileSync(require.resolve('livekit-client'));

async function mint(identity: string, room: string, canPublish: boolean): Promise<string> {
  const at = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity, name: identity, ttl: 600 });
  at.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish, canPublishData: true });
  return at.toJwt();
}

// The publisher and the baseline page: livekit-client and nothing else.
const page = (body: string) => `<!doctype html><meta charset="utf-8"><script src="/livekit-client.umd.js"></script><body>${body}</body>`;
const PUBLISHER = page(`<script>
  const q = new URLSearchParams(location.search);
  const room = new LivekitClient.Room();
  room.connect(q.get('url'), q.get('token')).then(() => room.localParticipant.setCameraEnabled(true)).then(() => { window.published = true; });
</script>`);
const BASELINE = page(`<button id="join">Join</button><script>
  const q = new URLSearchParams(location.search);
  document.getElementById('join').onclick = async () => {
    const room = new LivekitClient.Room({ adaptiveStream: true, dynacast: true });
    room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {
      if (track.kind !== 'video') return;
      const el = track.attach();
      el.className = 'remote';
      document.body.append(el);
    });
    await room.connect(q.get('url'), q.get('token'));
  };
</script>`);

const pages = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/livekit-client.umd.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(clientBundle);
  const html = path === '/publisher' ? PUBLISHER : path === '/baseline' ? BASELINE : null;
  if (!html) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html' }).end(html);
});

/**
 * Installed before any page script: the time of the click on `join`, and of the first frame
 * presented by a video element matching `remote` (requestVideoFrameCallback), on the page's clock.
 */
function probe([join, remote]: [string, string]) {
  const w = window as unknown as { bench: { clicked: number; frame: number } };
  w.bench = { clicked: 0, frame: 0 };
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest(join)) w.bench.clicked = e.timeStamp;
  }, true);
  const seen = new WeakSet<Element>();
  new MutationObserver(() => {
    for (const v of document.querySelectorAll<HTMLVideoElement>(remote)) {
      if (seen.has(v)) continue;
      seen.add(v);
      v.requestVideoFrameCallback((now) => {
        if (!w.bench.frame) w.bench.frame = now;
      });
    }
  }).observe(document, { childList: true, subtree: true });
}

async function timeJoin(browser: Browser, url: string, join: string, remote: string, ready: (p: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    await p.addInitScript(probe, [join, remote] as [string, string]);
    await p.goto(url);
    await ready(p);
    await p.click(join);
    await p.waitForFunction(() => (window as unknown as { bench: { frame: number } }).bench.frame > 0, undefined, { timeout: 30_000 });
    return p.evaluate(() => {
      const b = (window as unknown as { bench: { clicked: number; frame: number } }).bench;
      return b.frame - b.clicked;
    });
  } finally {
    await context.close();
  }
}

const app = await startApp();
const pagesPort = await freePort();
await new Promise<void>((r) => pages.listen(pagesPort, '127.0.0.1', r));
const pagesUrl = `http://127.0.0.1:${pagesPort}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const sessions = (await (await fetch(`${app.url}/api/events/edition-demo/sessions`)).json()) as { id: string; slug: string }[];
  const live = sessions.find((s) => s.slug === 'ouverture-en-direct');
  if (!live) throw new Error('the demo edition is not seeded (SEED_DEMO=1)');
  const room = `session-${live.id}`;
  const registered = await fetch(`${app.url}/api/events/edition-demo/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Viewer', email: `bench-viewer-${Date.now()}@bench.test`, sessionIds: [live.id], consent: true }),
  });
  const { joinToken } = (await registered.json()) as { joinToken: string };

  // The speaker both pages watch.
  const publisher = await (await browser.newContext()).newPage();
  await publisher.goto(`${pagesUrl}/publisher?url=${encodeURIComponent(wsUrl)}&token=${await mint('bench-speaker', room, true)}`);
  await publisher.waitForFunction(() => (window as unknown as { published?: boolean }).published === true, undefined, { timeout: 30_000 });

  const appJoin = () =>
    timeJoin(
      browser,
      `${app.url}/api/join?token=${joinToken}&next=${encodeURIComponent('/events/edition-demo/sessions/ouverture-en-direct/room')}`,
      '[data-testid="prejoin"] button[type="submit"]',
      '[data-testid="tile"][data-local="false"] video',
      (p) => p.locator('[data-testid="preview"]').waitFor({ timeout: 30_000 }),
    );
  const baselineJoin = async (i: number) =>
    timeJoin(
      browser,
      `${pagesUrl}/baseline?url=${encodeURIComponent(wsUrl)}&token=${await mint(`bench-baseline-${i}`, room, false)}`,
      '#join',
      'video.remote',
      async () => {},
    );

  await appJoin(); // warm-up: route compilation, caches; not counted
  await baselineJoin(-1);
  const appMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    baseMs.push(await baselineJoin(i));
    appMs.push(await appJoin());
  }
  appMs.sort((a, b) => a - b);
  baseMs.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(0).padStart(7);
  const ratio = percentile(appMs, 50) / percentile(baseMs, 50);
  console.log(`\nbench/room-join — click "Join" → first remote video frame, ${JOINS} joins each, Chromium with fake media, LiveKit at ${LIVEKIT_URL}`);
  console.log(`                                   median ms   p90 ms   min ms   max ms`);
  console.log(`baseline livekit-client page        ${fmt(percentile(baseMs, 50))}  ${fmt(percentile(baseMs, 90))}  ${fmt(baseMs[0]!)}  ${fmt(baseMs.at(-1)!)}`);
  console.log(`app room page (token + connect)     ${fmt(percentile(appMs, 50))}  ${fmt(percentile(appMs, 90))}  ${fmt(appMs[0]!)}  ${fmt(appMs.at(-1)!)}`);
  console.log(`median ratio app/baseline: ${ratio.toFixed(2)}× (target ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'NOT met'})`);
  console.log(`app: ${appMs.map((v) => v.toFixed(0)).join(' ')}\nbaseline: ${baseMs.map((v) => v.toFixed(0)).join(' ')}`);
} finally {
  await browser.close();
  pages.close();
  app.stop();
}

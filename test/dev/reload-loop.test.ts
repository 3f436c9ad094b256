// `npm run dev` as a newcomer sees it (issue 32): the development server (Next's dev mode with
// Turbopack and Fast Refresh, in the same custom server as production: server/index.ts) on a free
// loopback port, with its own PGlite data directory and the demo data, and public pages opened in
// Chromium. Each page must load once and then stay put: no reload, no new HMR socket.
// The data directory sits inside the project like the default `./.data` of `npm run dev`
// (`.test-data/dev-<random>`, git-ignored, removed afterwards), so that database writes happen
// where Next's bundler watches, as they do for a newcomer.
// The rest of the suite runs the production build, which has no Fast Refresh, so only this test
// sees the development server.
//
// Waiting: every wait is on a condition (the server answering, the page's `load`, the HMR socket
// saying it is connected) except one, the observation window: the assertion is "nothing happens
// during OBSERVE_MS", which can only be checked by watching for that long. A reload loop reloads
// within about a second of a load (Fast Refresh answers at once), so a few seconds are enough.
// The loop seen here did not come every time: with Turbopack's on-disk development cache left by
// an earlier session (.next/dev/cache, now off in next.config.mjs) it came in about half of the
// sessions, so one pass alone says little; a loop is never a false alarm.
//
//   npx vitest run --project dev            (scripts/test-all.sh runs it as its own step)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OBSERVE_MS = 5_000;
const PAGES = ['/', '/events/edition-demo', '/paths'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let server: ChildProcess;
let serverLog = '';
let origin = '';
let dataDir = '';
let browser: Browser;
const timings: string[] = [];

/** The development server's process group (tsx, Next, its Turbopack workers), stopped as a whole. */
function stopServer(signal: NodeJS.Signals = 'SIGTERM') {
  if (server?.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
}

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the development server exited (${server.exitCode}):\n${serverLog}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the development server did not answer ${url} within ${ms / 1000} s:\n${serverLog}`);
}

beforeAll(async () => {
  const started = Date.now();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Inside the project, like the default ./.data (see the top of the file).
  mkdirSync(path.join(ROOT, '.test-data'), { recursive: true });
  dataDir = mkdtempSync(path.join(ROOT, '.test-data', 'dev-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      // No video: the three LiveKit variables go together (the suite exports them for its own LiveKit).
      LIVEKIT_URL: '',
      LIVEKIT_API_KEY: '',
      LIVEKIT_API_SECRET: '',
      LIVEKIT_AUTOSTART: '0',
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
  });
  // Kept for the failure message (the last part only: Next's compile lines are many).
  const keep = (d: Buffer) => (serverLog = (serverLog + d.toString()).slice(-8_000));
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  process.on('exit', () => stopServer('SIGKILL'));
  await waitForServer(`${origin}/api/health`, 150_000);
  timings.push(`server ready ${Date.now() - started} ms`);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  stopServer();
  if (server && server.exitCode === null && server.signalCode === null) {
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => stopServer('SIGKILL'), 10_000);
      server.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
    });
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  console.log(`development server: ${timings.join('; ')}`);
});

/** What a page does from its first request on: loads, HMR sockets, what Fast Refresh says. */
function watch(page: Page) {
  const seen = { loads: 0, hmrSockets: 0, hmrClosed: 0, console: [] as string[], reloadsAsked: [] as string[] };
  let connected: () => void;
  const hmrConnected = new Promise<void>((resolve) => (connected = resolve));
  page.on('load', () => seen.loads++);
  page.on('console', (m) => {
    const text = m.text();
    if (text.includes('[HMR] connected')) connected();
    if (text.includes('[Fast Refresh]') || text.includes('[HMR]')) seen.console.push(text);
  });
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/_next/hmr')) return;
    seen.hmrSockets++;
    ws.on('close', () => seen.hmrClosed++);
    ws.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (text.includes('"reloadPage"') || text.includes('HMR hash mismatch')) seen.reloadsAsked.push(text.slice(0, 200));
    });
  });
  return { seen, hmrConnected };
}

describe('the development server (npm run dev)', () => {
  for (const pathname of PAGES) {
    it(`${pathname} loads once and stays put`, { timeout: 240_000 }, async () => {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
      try {
        const page = await context.newPage();
        const { seen, hmrConnected } = watch(page);
        const t0 = Date.now();
        // The first visit compiles the page (the slow part: Turbopack, on two shared cores).
        const response = await page.goto(`${origin}${pathname}`, { waitUntil: 'load', timeout: 200_000 });
        expect(response?.status()).toBe(200);
        await hmrConnected;
        const loaded = Date.now() - t0;
        const before = { loads: seen.loads, hmrSockets: seen.hmrSockets };
        await page.waitForTimeout(OBSERVE_MS); // the observation window (see the top of the file)
        timings.push(`${pathname} compiled and loaded in ${loaded} ms`);
        const what = `${pathname}: ${JSON.stringify(seen)}`;
        expect(before, what).toEqual({ loads: 1, hmrSockets: 1 });
        expect(seen.loads, what).toBe(1);
        expect(seen.hmrSockets, what).toBe(1);
        expect(seen.hmrClosed, what).toBe(0);
        expect(seen.reloadsAsked, what).toEqual([]);
        expect(page.url()).toBe(`${origin}${pathname}`);
      } finally {
        await context.close();
      }
    });
  }
});

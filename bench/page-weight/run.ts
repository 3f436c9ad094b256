// Page weight (issue 15, "Light pages"): the bytes Chromium transfers on a first load (compressed,
// as `encodedDataLength` in the DevTools protocol: what went over the wire), JavaScript apart,
// for Chemins' public pages beside the floor: a bare Next.js page of the same version, built the
// same way (bench/page-weight/bare, `next build`, served by `next start`), measured in the same run.
//
// Budgets (exit code 1 when one is over, so that CI fails):
//   programme, path and resource pages: JavaScript ≤ bare + 20 KB, everything ≤ 300 KB;
//   the live session page (questions, chat, polls), signed out and for a registrant, before the
//   video is opened: JavaScript ≤ bare + 100 KB. The room page (the video) is measured, not budgeted.
//
//   npm run build && npx tsx bench/page-weight/run.ts
//
// The app runs on embedded PGlite with the demo data (its own data directory under .test-data/),
// so no service is needed. CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { freePort, startApp } from '../support';

const ROOT = new URL('../..', import.meta.url).pathname;
const KB = 1024;
const BUDGET = { jsOverBare: 20 * KB, total: 300 * KB, liveJsOverBare: 100 * KB };

type Weight = { js: number; total: number; requests: number; byType: Record<string, number> };

/** Everything one first load transfers, in a fresh context (empty cache), until the network is quiet. */
async function weigh(browser: Browser, url: string, setup?: string): Promise<Weight> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  try {
    const page = await context.newPage();
    // A personal link sets its cookie, then the cache is cleared: only the page itself is weighed.
    if (setup) await page.goto(setup);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    const types = new Map<string, string>();
    const weight: Weight = { js: 0, total: 0, requests: 0, byType: {} };
    let inFlight = 0;
    let last = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      types.set(e.requestId, e.type ?? 'Other');
      inFlight++;
      last = Date.now();
    });
    const done = (id: string, bytes: number) => {
      const type = types.get(id) ?? 'Other';
      weight.requests++;
      weight.total += bytes;
      weight.byType[type] = (weight.byType[type] ?? 0) + bytes;
      if (type === 'Script') weight.js += bytes;
      inFlight--;
      last = Date.now();
    };
    cdp.on('Network.loadingFinished', (e) => done(e.requestId, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => done(e.requestId, 0));
    await page.goto(url, { waitUntil: 'load' });
    // Quiet: nothing in flight for 1 s (a WebSocket is not a request here; long-polling would be).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - last < 1000)) await page.waitForTimeout(100);
    return weight;
  } finally {
    await context.close();
  }
}

async function startBare(): Promise<{ url: string; child: ChildProcess }> {
  const dir = `${ROOT}.cache/page-weight-bare`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${ROOT}bench/page-weight/bare`, dir, { recursive: true });
  execFileSync(process.execPath, [NEXT_BIN, 'build', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const port = await freePort();
  // Next's own CLI under this Node, in a process group of its own, stopped as a whole (stopBare):
  // through `npx`, a SIGTERM stopped npm and left `next-server` running after the suite.
  const child = spawn(process.execPath, [NEXT_BIN, 'start', dir, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.on('exit', () => stopBare(child));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  stopBare(child);
  throw new Error('the bare Next.js page did not start');
}

const NEXT_BIN = `${ROOT}node_modules/next/dist/bin/next`;

/** Stop the bare page's server and anything it started (its process group). */
function stopBare(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

const dataDir = `${ROOT}.test-data/page-weight`;
rmSync(dataDir, { recursive: true, force: true });
const bare = await startBare();
const app = await startApp({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO: '1' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let over = 0;
try {
  const json = async <T>(path: string) => (await (await fetch(`${app.url}${path}`)).json()) as T;
  // The largest programme among the seeded events, the path with the most resources, and its first resource.
  let largest = { slug: 'edition-demo', sessions: 0 };
  for (const { slug } of await json<{ slug: string }[]>('/api/events')) {
    const n = (await json<unknown[]>(`/api/events/${slug}/sessions`)).length;
    if (n > largest.sessions) largest = { slug, sessions: n };
  }
  const pathSlug = (await json<{ slug: string; resourceCount: number }[]>('/api/paths')).sort((a, b) => b.resourceCount - a.resourceCount)[0]!.slug;
  const resourceSlug = (await json<{ resources: { slug: string }[] }>(`/api/paths/${pathSlug}`)).resources[0]!.slug;
  const sessions = await json<{ id: string; slug: string }[]>('/api/events/edition-demo/sessions');
  const live = sessions.find((s) => s.slug === 'ouverture-en-direct');
  if (!live) throw new Error('the demo edition is not seeded');
  const registered = await fetch(`${app.url}/api/events/edition-demo/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Poids', email: `bench-weight-${Date.now()}@bench.test`, sessionIds: [live.id], consent: true }),
  });
  const { joinToken } = (await registered.json()) as { joinToken: string };
  const livePath = '/events/edition-demo/sessions/ouverture-en-direct';

  const floor = await weigh(browser, `${bare.url}/`);
  const rows: { page: string; w: Weight; jsBudget: number; totalBudget?: number }[] = [
    { page: `programme (${largest.slug}, ${largest.sessions} sessions)`, w: await weigh(browser, `${app.url}/events/${largest.slug}`), jsBudget: floor.js + BUDGET.jsOverBare, totalBudget: BUDGET.total },
    { page: 'programme (edition-demo)', w: await weigh(browser, `${app.url}/events/edition-demo`), jsBudget: floor.js + BUDGET.jsOverBare, totalBudget: BUDGET.total },
    { page: `path (${pathSlug})`, w: await weigh(browser, `${app.url}/paths/${pathSlug}`), jsBudget: floor.js + BUDGET.jsOverBare, totalBudget: BUDGET.total },
    { page: `resource (${resourceSlug})`, w: await weigh(browser, `${app.url}/resources/${resourceSlug}`), jsBudget: floor.js + BUDGET.jsOverBare, totalBudget: BUDGET.total },
    { page: 'live session, signed out', w: await weigh(browser, `${app.url}${livePath}`), jsBudget: floor.js + BUDGET.liveJsOverBare },
    {
      page: 'live session, registrant, video not opened',
      w: await weigh(browser, `${app.url}${livePath}`, `${app.url}/api/join?token=${joinToken}&next=${encodeURIComponent(livePath)}`),
      jsBudget: floor.js + BUDGET.liveJsOverBare,
    },
    // For the record, no budget: the room, where the video code loads once the person has chosen to join.
    { page: 'live room (video), registrant', w: await weigh(browser, `${app.url}${livePath}/room`, `${app.url}/api/join?token=${joinToken}&next=${encodeURIComponent(livePath)}`), jsBudget: Infinity },
  ];
  console.log(`\nPage weight, first load, compressed bytes transferred (Chromium; ${new Date().toISOString()})\n`);
  console.log(`${'page'.padEnd(48)} ${'JS'.padStart(10)} ${'JS − bare'.padStart(10)} ${'JS budget'.padStart(10)} ${'total'.padStart(10)} ${'budget'.padStart(10)} requests`);
  console.log(`${'bare Next.js page (floor)'.padEnd(48)} ${kb(floor.js).padStart(10)} ${''.padStart(10)} ${''.padStart(10)} ${kb(floor.total).padStart(10)} ${''.padStart(10)} ${floor.requests}`);
  for (const { page, w, jsBudget, totalBudget } of rows) {
    const bad = w.js > jsBudget || (totalBudget !== undefined && w.total > totalBudget);
    if (bad) over++;
    console.log(
      `${page.padEnd(48)} ${kb(w.js).padStart(10)} ${kb(w.js - floor.js).padStart(10)} ${(Number.isFinite(jsBudget) ? kb(jsBudget) : '—').padStart(10)} ${kb(w.total).padStart(10)} ${(totalBudget ? kb(totalBudget) : '—').padStart(10)} ${w.requests}${bad ? '   OVER BUDGET' : ''}`,
    );
  }
  console.log(`\nby type (bytes): ${rows.map((r) => `\n  ${r.page}: ${Object.entries(r.w.byType).map(([t, n]) => `${t} ${kb(n)}`).join(', ')}`).join('')}\n`);
  console.log(over ? `${over} page(s) over budget` : 'every page within its budget');
} finally {
  await browser.close();
  app.stop();
  stopBare(bare.child);
}
process.exit(over ? 1 : 0);

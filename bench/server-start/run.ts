// Start-up time and memory of the production server (issue 32): compiled to JavaScript
// (`dist/server/index.mjs`, what `npm start` and the image run) beside the same server run from its
// TypeScript sources with tsx (what `npm start` ran before), in the same run, alternating.
//
//   npm run build && npx tsx bench/server-start/run.ts
//
// Each start: spawn → first `200` from /api/health (migrations already applied: the embedded
// database is prepared once before the rounds), then the resident memory (VmRSS) of the server's
// process, once ready and again after a warm-up of page loads. BENCH_ROUNDS (6) starts per side.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { startApp, SERVER_COMMAND } from '../support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const DIR = '.test-data/server-start';
const PAGES = ['/', '/events/edition-demo', '/paths', '/signin'];

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Sample = { startMs: number; readyMb: number; warmMb: number };

async function once(server: keyof typeof SERVER_COMMAND, dataDir: string): Promise<Sample> {
  const t0 = performance.now();
  const app = await startApp({ DATA_DIR: dataDir, SEED_DEMO: '0' }, server);
  const startMs = performance.now() - t0;
  const readyMb = rssMb(app.pid);
  for (let i = 0; i < 3; i++) for (const p of PAGES) await fetch(app.url + p).then((r) => r.arrayBuffer());
  const warmMb = rssMb(app.pid);
  app.stop();
  await new Promise((r) => setTimeout(r, 500));
  return { startMs, readyMb, warmMb };
}

rmSync(DIR, { recursive: true, force: true });
// One prepared database (migrations and the demo data), copied for every start.
const prepared = await startApp({ DATA_DIR: `${DIR}/prepared`, SEED_DEMO: '1' }, 'compiled');
prepared.stop();
await new Promise((r) => setTimeout(r, 1500));

const samples: Record<keyof typeof SERVER_COMMAND, Sample[]> = { compiled: [], tsx: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order: (keyof typeof SERVER_COMMAND)[] = round % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx'];
  for (const side of order) {
    const dir = `${DIR}/${side}-${round}`;
    cpSync(`${DIR}/prepared`, dir, { recursive: true });
    samples[side].push(await once(side, dir));
  }
}
rmSync(DIR, { recursive: true, force: true });

const row = (side: keyof typeof SERVER_COMMAND) => {
  const s = samples[side];
  return {
    side,
    'start ms (median)': Math.round(median(s.map((x) => x.startMs))),
    'start ms (min–max)': `${Math.round(Math.min(...s.map((x) => x.startMs)))}–${Math.round(Math.max(...s.map((x) => x.startMs)))}`,
    'RSS ready MB': Math.round(median(s.map((x) => x.readyMb))),
    'RSS warm MB': Math.round(median(s.map((x) => x.warmMb))),
  };
};
console.table([row('tsx'), row('compiled')]);
const ratio = (f: (x: Sample) => number) => (median(samples.compiled.map(f)) / median(samples.tsx.map(f))).toFixed(2);
console.log(`compiled / tsx: start ${ratio((x) => x.startMs)}, RSS ready ${ratio((x) => x.readyMb)}, RSS warm ${ratio((x) => x.warmMb)} (${ROUNDS} starts each, alternating)`);

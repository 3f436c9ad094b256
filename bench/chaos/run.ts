/**
 * Faults at full scale (issue 33; docs/architecture.md, "Faults"): runs the fault scenarios of
 * test/faults (each starts its own Postgres, Redis or LiveKit on free loopback ports and stops, kills and
 * restarts it) with the issue's audience instead of CI's scaled-down one, and prints what each
 * measured and what was lost: acknowledged, lost, refusal times, how long delivery took to resume.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/chaos/run.ts
 *
 * DATABASE_URL: a Postgres on which the Redis and kill scenarios make their own database (the
 * Postgres scenario starts its own server). CHAOS_CLIENTS (2,000: the audience on two processes
 * while Redis is down), CHAOS_VOTERS (500: voters of the poll during which a process is killed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (see the header of bench/chaos/run.ts)');
const dir = mkdtempSync(path.join(tmpdir(), 'chemins-chaos-'));
const report = path.join(dir, 'figures.jsonl');
const clients = process.env.CHAOS_CLIENTS ?? '2000';
const voters = process.env.CHAOS_VOTERS ?? '500';
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const loadBefore = load();
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', '--project', 'faults', '--testTimeout', '600000'], {
  stdio: 'inherit',
  env: { ...process.env, CHAOS_REPORT: report, CHAOS_CLIENTS: clients, CHAOS_VOTERS: voters },
});
let lines: Record<string, unknown>[] = [];
try {
  lines = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
} catch {
  // No scenario got as far as its figures: the run's own output says why.
}
rmSync(dir, { recursive: true, force: true });

console.log(`\nfaults — ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s, load average before ${loadBefore}, after ${load()}`);
console.log(`audience while Redis is down: ${clients} clients; voters while a process is killed: ${voters}\n`);
for (const { scenario, ...figures } of lines) {
  console.log(`${String(scenario).padEnd(18)} ${Object.entries(figures).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ')}`);
}
const lost = lines.reduce((n, l) => n + (typeof l.lost === 'number' ? l.lost : 0), 0);
console.log(`\nacknowledged and lost, all scenarios: ${lost}${run.status === 0 ? '' : ` — a scenario failed (exit ${run.status}): see above`}`);
process.exit(run.status ?? 1);

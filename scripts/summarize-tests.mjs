// Prints the suite's closing line, `N passed, N failed`, from the Vitest and Playwright JSON reports.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit.json', 'integration.json', 'faults.json', 'dev.json']) {
  const file = path.join(dir, name);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
// The end-to-end suite, and the recording test run apart (scripts/recording-e2e.sh).
for (const name of ['e2e.json', 'recording.json']) {
  const file = path.join(dir, name);
  if (!existsSync(file)) continue;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

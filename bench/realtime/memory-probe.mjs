// Preloaded into the benchmark's servers (Chemins' and the bare one alike, `--import`): on SIGWINCH
// the process writes process.memoryUsage() to $BENCH_MEMORY_DIR/memory-<pid>.json, so that the
// benchmark can split a server's RSS into the V8 heap in use, the heap V8 holds but does not use,
// and memory outside the heap (bench/realtime/run.ts, `memoryOf`).
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_MEMORY_DIR;
if (dir) {
  process.on('SIGWINCH', () => {
    const file = join(dir, `memory-${process.pid}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}

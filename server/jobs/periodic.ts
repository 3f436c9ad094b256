import { logger } from '@/lib/logger';

/**
 * A background job of the server process (mail outbox, badge awards, retention): `pass` runs every
 * `intervalMs`, the first time after `firstAfterMs`, never twice at once; a failed pass is logged
 * (as `<name> pass failed`; `name` is a job id for operators, like `mail-worker`)
 * and the next one runs. The jobs keep their state in the database, so a restart only means the
 * next pass. Returns what stops it.
 */
export function runEvery(name: string, intervalMs: number, firstAfterMs: number, pass: () => Promise<unknown>): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    pass()
      .catch((err) => logger().error({ err }, `${name} pass failed`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, firstAfterMs);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

import pino, { type Logger } from 'pino';

const globalForLogger = globalThis as unknown as { __cheminsLogger?: Logger };

/** One pino logger per process, shared by the Node server and Next's route code. */
export function logger(): Logger {
  if (!globalForLogger.__cheminsLogger) {
    const level = process.env.LOG_LEVEL ?? 'info';
    globalForLogger.__cheminsLogger = pino({ level, base: { app: 'chemins' } });
  }
  return globalForLogger.__cheminsLogger;
}

/** Used by server/index.ts to install a prettier logger in development before anything logs. */
export function setLogger(l: Logger): void {
  globalForLogger.__cheminsLogger = l;
}

import pino, { type Logger } from 'pino';

const globalForLogger = globalThis as unknown as { __cheminsLogger?: Logger };

/**
 * Errors as logged: pino's standard form, without the parameters of a failed query. Drizzle puts
 * them in its error (`params`, and at the end of the message and stack), and they are personal
 * data: names, e-mails, join tokens.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out = { ...(pino.stdSerializers.err(err) as unknown as Record<string, unknown>) };
  if ('params' in out) out.params = '[not logged]';
  if (typeof out.message === 'string') out.message = out.message.replace(/\nparams: [\s\S]*$/, '\nparams: [not logged]');
  if (typeof out.stack === 'string') out.stack = out.stack.replace(/\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/g, '\nparams: [not logged]');
  return out;
}

/**
 * Paths never logged, whatever logs them: RTMP addresses carry their stream key (docs/streaming.md;
 * the stream code logs egress's errors with the keys already removed).
 */
export const LOG_REDACT = { paths: ['destinations[*].url', 'body.destinations[*].url', 'urls[*]', 'stream.urls[*]'], censor: '[not logged]' };

/** The serializers of every logger of the app (see server/index.ts). */
export const LOG_SERIALIZERS = { err: serializeError };

/** One pino logger per process, shared by the Node server and Next's route code. */
export function logger(): Logger {
  if (!globalForLogger.__cheminsLogger) {
    const level = process.env.LOG_LEVEL ?? 'info';
    globalForLogger.__cheminsLogger = pino({ level, base: { app: 'chemins' }, serializers: LOG_SERIALIZERS, redact: LOG_REDACT });
  }
  return globalForLogger.__cheminsLogger;
}

/** Used by server/index.ts to install a prettier logger in development before anything logs. */
export function setLogger(l: Logger): void {
  globalForLogger.__cheminsLogger = l;
}

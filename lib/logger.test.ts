import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { LOG_REDACT, serializeError } from './logger';

describe('serializeError', () => {
  it('never writes the parameters of a failed query (e-mails, join tokens) to the logs', () => {
    const cause = Object.assign(new Error('some sessions changed since the batch was checked'), { code: 'CH001' });
    const err = new DrizzleQueryError('select register_people($1, $2) as outcomes', ['[{"email":"ada@example.org","token":"SECRET-TOKEN"}]', 'edition-demo'], cause);
    const logged = serializeError(err);
    const text = JSON.stringify(logged);
    expect(text).not.toContain('ada@example.org');
    expect(text).not.toContain('SECRET-TOKEN');
    expect(logged.params).toBe('[not logged]');
    // What helps to understand the failure is kept: the query, the cause, where it happened.
    expect(logged.message).toContain('select register_people($1, $2) as outcomes');
    expect(logged.stack).toContain('some sessions changed since the batch was checked');
    expect(logged.stack).toMatch(/\n {4}at /);
  });

  it('logs other errors as pino does, and non-errors as text', () => {
    const logged = serializeError(Object.assign(new Error('boom'), { code: 'E42' }));
    expect(logged).toMatchObject({ type: 'Error', message: 'boom', code: 'E42' });
    expect(serializeError('plain')).toEqual({ message: 'plain' });
  });
});

describe('LOG_REDACT', () => {
  it('never writes an RTMP address with its stream key', () => {
    const lines: string[] = [];
    const log = pino({ redact: LOG_REDACT }, { write: (line: string) => void lines.push(line) });
    log.info({ destinations: [{ url: 'rtmp://live.example.org/live/SECRET-KEY-1234' }], sessionId: 's1' }, 'stream');
    log.info({ body: { action: 'start', destinations: [{ url: 'rtmps://h/live2/SECRET-KEY-5678' }] } }, 'request');
    expect(lines.join('\n')).not.toMatch(/SECRET-KEY/);
    expect(lines[0]).toContain('"sessionId":"s1"');
  });
});

import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serializeError } from './logger';

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

import { describe, expect, it } from 'vitest';
import { outboxValues, parseOutboxRow } from './outbox';

const id = '6f1c2a9e-3b4d-4c5e-8f70-112233445566';
const row = { id, attempts: 1, registrationId: null, sessionId: null, resourceId: null, subscriptionId: null, payload: null };
const call = { template: 'ack', to: 'ana@example.org', locale: 'fr', name: 'Ana', call: 'Appel', title: 'Atelier', path: '/calls/a/proposals/b' } as const;

describe('the outbox registry', () => {
  it('writes each kind with its columns and payload, the others empty', () => {
    expect(outboxValues('promotion', { dedupeKey: 'k', registrationId: id, sessionId: id })).toEqual({
      kind: 'promotion',
      dedupeKey: 'k',
      registrationId: id,
      sessionId: id,
      resourceId: null,
      subscriptionId: null,
      payload: null,
    });
    expect(outboxValues('call_mail', { dedupeKey: 'k', payload: call })).toMatchObject({ registrationId: null, payload: call });
  });

  it('refuses to write a mail of the wrong shape', () => {
    expect(() => outboxValues('call_mail', { dedupeKey: 'k', payload: { ...call, template: 'other' as 'ack' } })).toThrow(/template/);
    expect(() => outboxValues('promotion', { dedupeKey: 'k', registrationId: id } as never)).toThrow(/sessionId/);
    expect(() => outboxValues('confirmation', { dedupeKey: '', registrationId: id })).toThrow();
  });

  it('parses a stored row with its kind’s schemas, and says what is wrong with one that does not fit', () => {
    expect(parseOutboxRow({ ...row, kind: 'call_mail', payload: call })).toEqual({ ok: true, mail: { id, kind: 'call_mail', attempts: 1, refs: {}, payload: call } });
    expect(parseOutboxRow({ ...row, kind: 'confirmation', registrationId: id })).toMatchObject({ ok: true, mail: { refs: { registrationId: id, sessionId: null }, payload: null } });
    expect(parseOutboxRow({ ...row, kind: 'carrier_pigeon' })).toEqual({ ok: false, error: 'unknown mail kind “carrier_pigeon”' });
    expect(parseOutboxRow({ ...row, kind: 'path_digest', subscriptionId: id, payload: { to: 'a@b.c' } })).toMatchObject({ ok: false, error: expect.stringContaining('invalid path_digest mail payload') });
    expect(parseOutboxRow({ ...row, kind: 'toString' })).toMatchObject({ ok: false });
  });
});

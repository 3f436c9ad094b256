import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { respond, toWire } from './respond';

describe('toWire: what JSON.stringify would write, as a value', () => {
  const samples: unknown[] = [
    { at: new Date('2026-12-07T10:00:00.000Z'), n: 1, s: 'é', b: false, nil: null, gone: undefined, f: () => 1 },
    [1, undefined, () => 2, new Date(0), { x: [NaN, Infinity, -0] }],
    { nested: { deeper: [{ when: new Date('2027-01-01T00:00:00Z'), tags: ['a', 'b'] }] } },
    { custom: { toJSON: () => ({ replaced: true }) } },
    'text',
    42,
    null,
  ];
  it.each(samples.map((s, i) => [i, s]))('sample %i round-trips like JSON.parse(JSON.stringify(x))', (_, sample) => {
    expect(toWire(sample)).toEqual(JSON.parse(JSON.stringify(sample)));
  });
  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => toWire({ big: 1n })).toThrow(TypeError);
  });
});

describe('respond', () => {
  it('validates the wire form (dates as ISO strings) and drops keys the schema does not name', async () => {
    const schema = z.object({ id: z.string(), at: z.iso.datetime() });
    const res = respond(schema, { id: 'a', at: new Date('2026-12-07T10:00:00Z'), secret: 'x' }, { status: 201 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'a', at: '2026-12-07T10:00:00.000Z' });
  });
  it('throws on a body that does not fit its schema (a bug in the route, never sent)', () => {
    expect(() => respond(z.object({ id: z.string() }), { id: 1 })).toThrow();
  });
});

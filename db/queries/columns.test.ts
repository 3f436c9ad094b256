import { describe, expect, it } from 'vitest';
import { registrations } from '../schema';
import { pick } from './columns';

describe('pick', () => {
  it('gives the named columns of a table, in order, and nothing else', () => {
    const cols = pick(registrations, 'id', 'email', 'name');
    expect(Object.keys(cols)).toEqual(['id', 'email', 'name']);
    expect(cols.id).toBe(registrations.id);
    expect(cols.email).toBe(registrations.email);
    expect(cols.name).toBe(registrations.name);
  });
});

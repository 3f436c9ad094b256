import { describe, expect, it } from 'vitest';
import { eventInput, sessionInput } from './programme';

const base = { title: 'Atelier', slug: 'atelier-test', kind: 'workshop', day: '2026-12-01', start: '10:00', end: '11:30' };

describe('sessionInput', () => {
  it('accepts a session and fills defaults; an empty capacity means unlimited', () => {
    expect(sessionInput.parse({ ...base, capacity: '' })).toMatchObject({ status: 'confirmed', visibility: 'public', mode: 'onsite', capacity: null, language: 'fr' });
    expect(sessionInput.parse({ ...base, capacity: '25' }).capacity).toBe(25);
  });
  it('refuses a session that ends before (or when) it starts', () => {
    const r = sessionInput.safeParse({ ...base, start: '11:00', end: '10:00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['end'], message: 'a session cannot end before it starts' });
    expect(sessionInput.safeParse({ ...base, end: '10:00' }).success).toBe(false);
  });
  it('refuses malformed slugs, times and capacities', () => {
    expect(sessionInput.safeParse({ ...base, slug: 'Mon Atelier' }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, start: '25:00' }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, capacity: '-3' }).success).toBe(false);
  });
  it('takes the diffusion switch-over: none by default, always, or above a number of viewers (which it then requires)', () => {
    expect(sessionInput.parse(base)).toMatchObject({ diffusion: 'no', diffusionAbove: null });
    expect(sessionInput.parse({ ...base, diffusion: 'always', diffusionAbove: '' })).toMatchObject({ diffusion: 'always', diffusionAbove: null });
    expect(sessionInput.parse({ ...base, diffusion: 'above', diffusionAbove: '300' })).toMatchObject({ diffusion: 'above', diffusionAbove: 300 });
    const missing = sessionInput.safeParse({ ...base, diffusion: 'above', diffusionAbove: '' });
    expect(missing.error?.issues[0]).toMatchObject({ path: ['diffusionAbove'], params: { code: 'required' } });
    expect(sessionInput.safeParse({ ...base, diffusion: 'above', diffusionAbove: '0' }).success).toBe(false);
    expect(sessionInput.safeParse({ ...base, diffusion: 'sometimes' }).success).toBe(false);
  });
});

describe('eventInput', () => {
  it('checks the time zone and the order of days', () => {
    const ok = { slug: 'forum-2027', title: 'Forum 2027', timeZone: 'Europe/Paris', firstDay: '2027-07-01', lastDay: '2027-07-03' };
    expect(eventInput.safeParse(ok).success).toBe(true);
    expect(eventInput.safeParse({ ...ok, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(eventInput.safeParse({ ...ok, lastDay: '2027-06-30' }).success).toBe(false);
  });
});

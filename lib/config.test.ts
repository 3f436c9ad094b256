import { describe, expect, it } from 'vitest';
import { badgeKeySecret, DEV_BADGE_KEY_SECRET, listenHost, parseConfig } from './config';

describe('listenHost', () => {
  it('listens on loopback in development unless HOST says otherwise', () => {
    expect(listenHost(parseConfig({}))).toBe('127.0.0.1');
    expect(listenHost(parseConfig({ HOST: '' }))).toBe('127.0.0.1');
    expect(listenHost(parseConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
  });
  it('listens on every interface in production by default', () => {
    expect(listenHost(parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), BADGE_KEY_SECRET: 'y'.repeat(32) }))).toBe('0.0.0.0');
  });
});

describe('BADGE_KEY_SECRET', () => {
  it('is required in production, with a message naming it', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) })).toThrow(/BADGE_KEY_SECRET: is required in production/);
  });
  it('has a development default, and refuses a short secret', () => {
    expect(badgeKeySecret(parseConfig({}))).toBe(DEV_BADGE_KEY_SECRET);
    expect(badgeKeySecret(parseConfig({ BADGE_KEY_SECRET: 'z'.repeat(40) }))).toBe('z'.repeat(40));
    expect(() => parseConfig({ BADGE_KEY_SECRET: 'short' })).toThrow(/BADGE_KEY_SECRET/);
  });
});

import { describe, expect, it } from 'vitest';
import { listenHost, parseConfig } from './config';

describe('listenHost', () => {
  it('listens on loopback in development unless HOST says otherwise', () => {
    expect(listenHost(parseConfig({}))).toBe('127.0.0.1');
    expect(listenHost(parseConfig({ HOST: '' }))).toBe('127.0.0.1');
    expect(listenHost(parseConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
  });
  it('listens on every interface in production by default', () => {
    expect(listenHost(parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) }))).toBe('0.0.0.0');
  });
});

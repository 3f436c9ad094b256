import { describe, expect, it } from 'vitest';
import { badgeKeySecret, DEV_BADGE_KEY_SECRET, listenHost, mailState, parseConfig } from './config';

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

describe('RETENTION_MONTHS', () => {
  it('defaults to 12 months, hourly passes; refuses what is not a whole number of months from 1 to 120', () => {
    const c = parseConfig({});
    expect(c.RETENTION_MONTHS).toBe(12);
    expect(c.RETENTION_POLL_MS).toBe(3_600_000);
    expect(parseConfig({ RETENTION_MONTHS: '6', RETENTION_POLL_MS: '0' })).toMatchObject({ RETENTION_MONTHS: 6, RETENTION_POLL_MS: 0 });
    expect(() => parseConfig({ RETENTION_MONTHS: '0' })).toThrow(/RETENTION_MONTHS/);
    expect(() => parseConfig({ RETENTION_MONTHS: 'douze' })).toThrow(/RETENTION_MONTHS/);
    expect(() => parseConfig({ PRIVACY_CONTACT: 'pas-une-adresse' })).toThrow(/PRIVACY_CONTACT/);
    expect(parseConfig({ PRIVACY_CONTACT: '' }).PRIVACY_CONTACT).toBeUndefined();
  });
});

describe('mailState', () => {
  const production = { NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), BADGE_KEY_SECRET: 'y'.repeat(32) };
  it('is ok with SMTP_URL, printed in the log without it outside production, unavailable in production without it', () => {
    expect(mailState(parseConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }))).toBe('ok');
    expect(mailState(parseConfig({ ...production, SMTP_URL: 'smtps://mail.example.org' }))).toBe('ok');
    expect(mailState(parseConfig({}))).toBe('log');
    expect(mailState(parseConfig({ NODE_ENV: 'test', SMTP_URL: '' }))).toBe('log');
    expect(mailState(parseConfig(production))).toBe('unavailable');
  });
});

import { describe, expect, it } from 'vitest';
import { allowedMethods } from '@/lib/api/routes';
import { foreignOrigin, policyFor } from './guard';

const opts = { publicOrigin: 'https://chemins.example.org', trustProxy: false };

describe('foreignOrigin', () => {
  it('accepts this site (by Host or PUBLIC_URL, whatever the port) and requests without Origin', () => {
    expect(foreignOrigin({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, opts)).toBe(false);
    expect(foreignOrigin({ host: 'chemins.example.org', origin: 'http://chemins.example.org:8080' }, opts)).toBe(false);
    expect(foreignOrigin({ host: 'app1:3000', origin: 'https://chemins.example.org' }, opts)).toBe(false);
    expect(foreignOrigin({ host: '127.0.0.1:3000' }, opts)).toBe(false);
    expect(foreignOrigin({ host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, opts)).toBe(false);
  });

  it('refuses other sites, "null", and cross-site fetches', () => {
    expect(foreignOrigin({ host: '127.0.0.1:3000', origin: 'http://evil.example' }, opts)).toBe(true);
    expect(foreignOrigin({ host: '127.0.0.1:3000', origin: 'null' }, opts)).toBe(true);
    expect(foreignOrigin({ host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }, opts)).toBe(true);
    expect(foreignOrigin({ host: 'chemins.example.org', origin: 'https://chemins.example.org.evil.example' }, opts)).toBe(true);
  });

  it('reads X-Forwarded-Host only behind a trusted proxy', () => {
    const headers = { host: 'app1:3000', origin: 'https://other.example', 'x-forwarded-host': 'other.example' };
    expect(foreignOrigin(headers, opts)).toBe(true);
    expect(foreignOrigin(headers, { ...opts, trustProxy: true })).toBe(false);
  });
});

describe('policyFor', () => {
  it('gives each route its body limit and content types', () => {
    expect(policyFor('/api/events/x/registrations')).toMatchObject({ maxBody: 256 * 1024, types: ['application/json'], streams: true });
    expect(policyFor('/api/livekit/webhook')).toMatchObject({ maxBody: 64 * 1024, limited: false });
    expect(policyFor('/api/auth/signin/email')).toMatchObject({ mails: true, types: ['application/x-www-form-urlencoded'] });
    expect(policyFor('/api/registrations/t/cancel')).toMatchObject({ maxBody: 16 * 1024, types: ['application/json'] });
    expect(policyFor('/events/x/register')).toMatchObject({ maxBody: 1024 * 1024, types: null });
  });
});

describe('allowedMethods', () => {
  it('gives an API operation path its methods (HEAD with GET), and nothing for other paths', () => {
    expect(allowedMethods('/api/events')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/api/events/x/registrations')).toEqual(['POST']);
    expect(allowedMethods('/api/events/x/registrations.csv')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/api/admin/roles')).toEqual(['POST', 'DELETE']);
    expect(allowedMethods('/api/paths/p/unsubscribe')).toEqual(['GET', 'POST', 'HEAD']);
    expect(allowedMethods('/api/nowhere')).toBeNull();
    expect(allowedMethods('/api/auth/session')).toBeNull();
    expect(allowedMethods('/events/x')).toBeNull();
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/**
 * Tokens the server signs for itself (a guest's cookie, a notes token): `<payload>.<signature>`,
 * both base64url, the payload JSON with an expiry `exp` (seconds since the epoch), the signature
 * HMAC-SHA256 over a purpose label and the payload, so that a token of one kind signed with the
 * same secret is never taken for another.
 */
const sign = (purpose: string, payload: string, secret: string) => createHmac('sha256', secret).update(`${purpose}.${payload}`).digest();

export function signToken(purpose: string, data: { exp: number } & Record<string, unknown>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${payload}.${sign(purpose, payload, secret).toString('base64url')}`;
}

/** The token's data, or null when it is malformed, not signed by us for this purpose, not of `schema`'s shape, or expired. */
export function verifyToken<S extends z.ZodType<{ exp: number }>>(purpose: string, token: unknown, secret: string, schema: S, now = Date.now(), maxLength = 1536): z.output<S> | null {
  if (typeof token !== 'string' || token.length > maxLength) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [payload, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(purpose, payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success || parsed.data.exp * 1000 <= now) return null;
  return parsed.data;
}

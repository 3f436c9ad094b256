import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '@/lib/config';
import { uuidSchema } from '@/lib/validation';
import { signToken, verifyToken } from './signed-token';

/**
 * A guest's identity, issued by the server (`POST /api/guest`) and kept by the browser in the
 * httpOnly `chemins-guest` cookie: a random id (a UUID v4, 122 random bits) and an expiry, signed
 * with HMAC-SHA256 under the server's secret. Only an id in a valid signature is a guest: ids are
 * seen by others (a guest's `authorId` is `guest:<id>`), so the id alone is worth nothing.
 *
 * The token is `<payload>.<signature>`, both base64url: the payload is JSON (`{ id, exp }`, and
 * for a guest who came in by a room's QR code (`/q/{code}`) the first name they gave and the
 * sessions whose room admitted them, `rooms`), the signature covers a purpose label and the
 * payload, so that a token of another kind signed with the same secret (NEXTAUTH_SECRET) is never
 * taken for one. The first name and the rooms are the server's to write: a client cannot add a
 * room to its cookie without the signature.
 */
export const GUEST_COOKIE = 'chemins-guest';

/** How long an issued identity lasts; asking again with a valid cookie renews it. */
export const GUEST_DAYS = 30;

/** Development and tests only: the signing secret when NEXTAUTH_SECRET is not set. */
export const DEV_GUEST_SECRET = 'chemins-development-only-guest-secret';

const PURPOSE = 'chemins-guest-v1';

/** Longest first name a guest may give. */
export const GUEST_NAME_MAX = 40;
/** Rooms a guest identity remembers; entering another one forgets the oldest. */
export const GUEST_ROOMS_MAX = 10;

const payloadSchema = z.object({
  id: z.uuidv4(), // issued by randomUUID()
  /** Expiry, seconds since the epoch. */
  exp: z.number().int().positive(),
  /** The first name given at a room's QR code (optional; shown with the guest tag). */
  name: z.string().min(1).max(GUEST_NAME_MAX).optional(),
  /** Sessions whose room admitted this guest by its QR code (ids, the newest last). */
  rooms: z.array(uuidSchema).max(GUEST_ROOMS_MAX).optional(),
});

export type GuestIdentity = z.infer<typeof payloadSchema>;

/** The secret guest identities are signed with: NEXTAUTH_SECRET (required in production), else a development one. */
export function guestSecret(c: Pick<Config, 'NEXTAUTH_SECRET' | 'NODE_ENV'>): string {
  if (c.NEXTAUTH_SECRET) return c.NEXTAUTH_SECRET;
  if (c.NODE_ENV === 'production') throw new Error('NEXTAUTH_SECRET is required in production');
  return DEV_GUEST_SECRET;
}

/** A new identity (or `id` kept, renewed) valid `GUEST_DAYS` from `now`. */
export function newGuestIdentity(now = Date.now(), id: string = randomUUID()): GuestIdentity {
  return { id, exp: Math.floor(now / 1000) + GUEST_DAYS * 86_400 };
}

/** The identity renewed (`held`'s id, name and rooms kept) and, given a room, admitted to it under that first name. */
export function renewedGuestIdentity(held: GuestIdentity | null, now = Date.now(), entry?: { sessionId: string; name?: string }): GuestIdentity {
  const renewed: GuestIdentity = { ...newGuestIdentity(now, held?.id), ...(held?.name ? { name: held.name } : {}), ...(held?.rooms ? { rooms: held.rooms } : {}) };
  if (!entry) return renewed;
  const rooms = [...(held?.rooms ?? []).filter((r) => r !== entry.sessionId), entry.sessionId].slice(-GUEST_ROOMS_MAX);
  return { ...renewed, ...(entry.name ? { name: entry.name } : {}), rooms };
}

/** The signed token of an identity (the cookie's value). */
export function signGuestToken(identity: GuestIdentity, secret: string): string {
  const { id, exp, name, rooms } = identity;
  return signToken(PURPOSE, { id, exp, name, rooms }, secret);
}

/** The identity in a token, or null when it is malformed, its signature is not ours, or it expired. */
export function verifyGuestToken(token: string | undefined | null, secret: string, now = Date.now()): GuestIdentity | null {
  return verifyToken(PURPOSE, token, secret, payloadSchema, now);
}

/** The cookie that carries a guest's token: httpOnly, SameSite=Lax, Secure over https. */
export function guestCookie(token: string, secure: boolean) {
  return { name: GUEST_COOKIE, value: token, httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: GUEST_DAYS * 86_400, secure };
}

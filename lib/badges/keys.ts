import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CONTEXTS } from './contexts';

/**
 * Issuer keys: an Ed25519 key pair per issuer, its secret half encrypted at rest with AES-256-GCM
 * under a key derived from BADGE_KEY_SECRET (lib/config.ts). Stored as `v1.<iv>.<tag>.<data>`
 * (base64url), the issuer's id bound as additional data so a row's key cannot be moved to another.
 */
function aesKey(secret: string): Buffer {
  return createHash('sha256').update(`chemins-badge-keys:${secret}`).digest();
}

export function encryptSecretKey(secretKeyMultibase: string, secret: string, issuerId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(secret), iv);
  cipher.setAAD(Buffer.from(issuerId));
  const data = Buffer.concat([cipher.update(secretKeyMultibase, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecretKey(stored: string, secret: string, issuerId: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unknown format of a stored issuer key');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(issuerId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Cannot decrypt an issuer key: BADGE_KEY_SECRET is not the one it was stored with');
  }
}

/** A new key pair: its public half (multibase) and its secret half, encrypted. */
export async function newIssuerKey(secret: string, issuerId: string): Promise<{ publicKeyMultibase: string; secretKeyEncrypted: string }> {
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true });
  return { publicKeyMultibase: exported.publicKeyMultibase, secretKeyEncrypted: encryptSecretKey(exported.secretKeyMultibase!, secret, issuerId) };
}

/** The key pair that signs for an issuer, its id the verification method URL. */
export async function issuerKeyPair(opts: { keyUrl: string; publicKeyMultibase: string; secretKeyEncrypted: string; secret: string; issuerId: string }) {
  return Ed25519Multikey.from({
    '@context': CONTEXTS.multikey,
    type: 'Multikey',
    id: opts.keyUrl,
    controller: opts.keyUrl,
    publicKeyMultibase: opts.publicKeyMultibase,
    secretKeyMultibase: decryptSecretKey(opts.secretKeyEncrypted, opts.secret, opts.issuerId),
  });
}

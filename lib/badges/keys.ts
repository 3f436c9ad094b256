import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { seal, unseal } from '@/lib/secrets/sealed';
import { CONTEXTS } from './contexts';

/**
 * Issuer keys: an Ed25519 key pair per issuer, its secret half sealed at rest (lib/secrets/sealed.ts:
 * AES-256-GCM under a key derived from BADGE_KEY_SECRET, lib/config.ts), the issuer's id bound as
 * additional data so a row's key cannot be moved to another.
 */
const PURPOSE = 'chemins-badge-keys';

export function encryptSecretKey(secretKeyMultibase: string, secret: string, issuerId: string): string {
  return seal(secretKeyMultibase, { secret, purpose: PURPOSE, owner: issuerId });
}

export function decryptSecretKey(stored: string, secret: string, issuerId: string): string {
  if (!stored.startsWith('v1.') || stored.split('.').length !== 4) throw new Error('Unknown format of a stored issuer key');
  const plain = unseal(stored, { secret, purpose: PURPOSE, owner: issuerId });
  if (plain === null) throw new Error('Cannot decrypt an issuer key: BADGE_KEY_SECRET is not the one it was stored with');
  return plain;
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

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets kept at rest: AES-256-GCM under a key derived from an app secret and a purpose (so one
 * secret seals several kinds of things without one opening another), the owner's id bound as
 * additional data so a sealed value cannot be moved to another row. Stored as
 * `v1.<iv>.<tag>.<data>` (base64url). Used for badge issuers' keys and RTMP stream keys.
 */
function aesKey(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}:${secret}`).digest();
}

export function seal(plain: string, opts: { secret: string; purpose: string; owner: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(opts.secret, opts.purpose), iv);
  cipher.setAAD(Buffer.from(opts.owner));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The sealed value, or null when it is not in this format or was sealed with another secret, purpose or owner. */
export function unseal(stored: string, opts: { secret: string; purpose: string; owner: string }): string | null {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey(opts.secret, opts.purpose), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(opts.owner));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { achievementCredential, hashedEmail, issuerProfile, keyDocument } from './documents';
import { bakedSvg, unbakeSvg } from './image';
import { decryptSecretKey, encryptSecretKey, newIssuerKey } from './keys';

describe('issuer keys at rest', () => {
  it('round-trips under the right secret and issuer, and refuses any other', async () => {
    const secret = 's'.repeat(40);
    const stored = encryptSecretKey('zSecretKey', secret, 'issuer-1');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('zSecretKey');
    expect(decryptSecretKey(stored, secret, 'issuer-1')).toBe('zSecretKey');
    expect(() => decryptSecretKey(stored, 't'.repeat(40), 'issuer-1')).toThrow(/BADGE_KEY_SECRET/);
    expect(() => decryptSecretKey(stored, secret, 'issuer-2')).toThrow();
    const key = await newIssuerKey(secret, 'issuer-1');
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
  });
});

describe('documents', () => {
  const base = 'https://chemins.example';
  it('the profile controls the key the proofs name', () => {
    const profile = issuerProfile(base, { slug: 'forum', name: 'Forum', url: base }, 'z6MkKey');
    const key = keyDocument(base, 'forum', 'z6MkKey');
    expect(key).toMatchObject({ id: 'https://chemins.example/api/issuers/forum/key', type: 'Multikey', controller: profile.id });
    expect(profile.assertionMethod).toEqual([key.id]);
  });
  it('hashes the recipient’s e-mail with a salt, whatever its case', () => {
    expect(hashedEmail('Ada@Example.org', 'salt')).toBe(hashedEmail('ada@example.org', 'salt'));
    expect(hashedEmail('ada@example.org', 'salt')).not.toBe(hashedEmail('ada@example.org', 'other'));
    const c = achievementCredential(
      base,
      { slug: 'forum', name: 'Forum', url: base },
      { id: 'a', name: 'N', description: 'D', criteria: 'C', image: 'data:,', kind: 'participated' },
      { id: 'c', email: 'ada@example.org', salt: 'salt', issuedAt: new Date('2026-01-01T10:00:00.123Z'), statusIndex: 7 },
    );
    expect(JSON.stringify(c)).not.toContain('ada@example.org');
    expect(c).toMatchObject({ validFrom: '2026-01-01T10:00:00Z', credentialStatus: { statusListIndex: '7', statusPurpose: 'revocation' } });
  });
  it('bakes a credential into an SVG and reads it back, even with a CDATA end inside', () => {
    const credential = { name: 'a ]]> b <script>', n: 1 };
    const svg = bakedSvg('request', 'Nom <b>', credential);
    expect(svg).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(svg).toContain('Nom &lt;b&gt;');
    expect(unbakeSvg(svg)).toEqual(credential);
    expect(unbakeSvg('<svg/>')).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import { CONTEXTS } from './contexts';

/**
 * The JSON-LD documents Chemins publishes for Open Badges 3.0, built from plain values (no I/O):
 * issuer profiles, their keys (controller documents), achievements, credentials before signing,
 * endorsements and status lists. Every URL is under the app's public URL (docs/badges.md).
 */

/** Status list length: 131,072 entries (16 KiB), the minimum the Bitstring Status List spec asks for privacy. */
export const STATUS_LIST_LENGTH = 131_072;
/** Each issuer publishes one revocation list (`/status/1`) until it is full. */
export const STATUS_LIST_ID = '1';

export type JsonDoc = Record<string, unknown>;

export const badgeUrls = (base: string) => ({
  issuer: (slug: string) => `${base}/api/issuers/${slug}`,
  key: (slug: string) => `${base}/api/issuers/${slug}/key`,
  statusList: (slug: string, list = STATUS_LIST_ID) => `${base}/api/issuers/${slug}/status/${list}`,
  achievement: (id: string) => `${base}/achievements/${id}`,
  credential: (id: string) => `${base}/api/credentials/${id}`,
  credentialPage: (id: string) => `${base}/credentials/${id}`,
  endorsement: (id: string) => `${base}/api/endorsements/${id}`,
});

export type IssuerFacts = { slug: string; name: string; description?: string | null; url: string; email?: string | null };
export type AchievementFacts = {
  id: string;
  name: string;
  description: string;
  criteria: string;
  image: string;
  kind: string;
};

/**
 * The issuer's `Profile` (Open Badges 3.0), as published at its URL. It is also the controller
 * document of the issuer's key: it lists the `Multikey` and names it an assertion method, which is
 * what a Data Integrity verifier checks (the proof's key must be controlled by the credential's
 * issuer). The DID v1 context comes first, as controller documents are read without framing.
 */
export function issuerProfile(base: string, issuer: IssuerFacts, publicKeyMultibase: string): JsonDoc {
  const u = badgeUrls(base);
  return {
    '@context': [CONTEXTS.did, CONTEXTS.credentials, CONTEXTS.openBadges, CONTEXTS.multikey],
    id: u.issuer(issuer.slug),
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    ...(issuer.description ? { description: issuer.description } : {}),
    ...(issuer.email ? { email: issuer.email } : {}),
    verificationMethod: [keyDocument(base, issuer.slug, publicKeyMultibase, false)],
    assertionMethod: [u.key(issuer.slug)],
  };
}

/**
 * The issuer's key, published at the proof's `verificationMethod` URL: a `Multikey` whose
 * controller is the issuer's profile (above), so a verifier needs nothing but these two URLs and
 * the standard contexts to check a signature.
 */
export function keyDocument(base: string, slug: string, publicKeyMultibase: string, withContext = true): JsonDoc {
  const u = badgeUrls(base);
  return {
    ...(withContext ? { '@context': CONTEXTS.multikey } : {}),
    id: u.key(slug),
    type: 'Multikey',
    controller: u.issuer(slug),
    publicKeyMultibase,
  };
}

/** The `Achievement` as it appears in credentials (and on its page). */
export function achievementDocument(base: string, issuerSlug: string, issuerName: string, a: AchievementFacts): JsonDoc {
  return {
    id: badgeUrls(base).achievement(a.id),
    type: ['Achievement'],
    name: a.name,
    description: a.description,
    criteria: { narrative: a.criteria },
    image: { id: a.image, type: 'Image', caption: a.name },
    creator: { id: badgeUrls(base).issuer(issuerSlug), type: ['Profile'], name: issuerName },
  };
}

/** A salted SHA-256 of an e-mail address, as Open Badges' `IdentityObject` wants it. */
export function hashedEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
}

export type AwardFacts = {
  id: string;
  email: string;
  salt: string;
  issuedAt: Date;
  statusIndex: number;
  evidence?: { narrative: string; name?: string } | null;
};

/** The head every Open Badges credential shares: contexts, id, types, issuer profile, `validFrom` (to the second). */
function openBadgesCredential(
  u: ReturnType<typeof badgeUrls>,
  kind: 'OpenBadgeCredential' | 'EndorsementCredential',
  id: string,
  issuer: IssuerFacts,
  issuedAt: Date,
): JsonDoc {
  return {
    '@context': [CONTEXTS.credentials, CONTEXTS.openBadges],
    id,
    type: ['VerifiableCredential', kind],
    issuer: { id: u.issuer(issuer.slug), type: ['Profile'], name: issuer.name },
    validFrom: issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** An `OpenBadgeCredential` before its proof. */
export function achievementCredential(base: string, issuer: IssuerFacts, achievement: AchievementFacts, award: AwardFacts): JsonDoc {
  const u = badgeUrls(base);
  const list = u.statusList(issuer.slug);
  return {
    ...openBadgesCredential(u, 'OpenBadgeCredential', u.credential(award.id), issuer, award.issuedAt),
    name: achievement.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: hashedEmail(award.email, award.salt), identityType: 'emailAddress', hashed: true, salt: award.salt }],
      achievement: achievementDocument(base, issuer.slug, issuer.name, achievement),
    },
    ...(award.evidence ? { evidence: [{ type: ['Evidence'], narrative: award.evidence.narrative, ...(award.evidence.name ? { name: award.evidence.name } : {}) }] } : {}),
    credentialStatus: {
      id: `${list}#${award.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(award.statusIndex),
      statusListCredential: list,
    },
  };
}

/**
 * An `EndorsementCredential` of an achievement. People have no keys of their own: the platform
 * issuer signs it, naming the endorser (a holder of the badge) in the comment.
 */
export function endorsementCredential(
  base: string,
  platform: IssuerFacts,
  e: { id: string; achievementId: string; endorserName: string; comment: string; issuedAt: Date },
): JsonDoc {
  const u = badgeUrls(base);
  return {
    ...openBadgesCredential(u, 'EndorsementCredential', u.endorsement(e.id), platform, e.issuedAt),
    name: `${e.endorserName} endorses this achievement`,
    credentialSubject: {
      id: u.achievement(e.achievementId),
      type: ['EndorsementSubject'],
      endorsementComment: `${e.endorserName}: ${e.comment}`,
    },
  };
}

/** A revocation list before its proof, from the encoded bitstring. */
export function statusListCredential(base: string, issuer: IssuerFacts, encodedList: string, now: Date): JsonDoc {
  const id = badgeUrls(base).statusList(issuer.slug);
  return {
    '@context': [CONTEXTS.credentials],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: badgeUrls(base).issuer(issuer.slug),
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
}

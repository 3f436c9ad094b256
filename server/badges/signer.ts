import { randomBytes } from 'node:crypto';
import { badgeKeySecret, publicUrl } from '@/lib/config';
import { achievementCredential, badgeUrls } from '@/lib/badges/documents';
import { achievementFacts, issuerFacts } from '@/lib/badges/issuers';
import { signerFor } from '@/lib/badges/sign';
import type { AchievementRow } from '@/db/queries/badges/achievements';
import type { IssuerRow } from '@/db/queries/badges/issuers';

/** The issuer's signing function (its key, decrypted with the platform's badge key secret). */
export async function signerOf(issuer: IssuerRow) {
  return signerFor(
    { keyUrl: badgeUrls(publicUrl()).key(issuer.slug), publicKeyMultibase: issuer.publicKeyMultibase, secretKeyEncrypted: issuer.secretKeyEncrypted, issuerId: issuer.id },
    badgeKeySecret(),
  );
}

export type Signer = Awaited<ReturnType<typeof signerOf>>;

/** Signs the credential of one award (its row's id, e-mail and position in the list). */
export async function signAward(
  sign: Signer,
  issuer: IssuerRow,
  achievement: AchievementRow,
  award: { id: string; email: string; evidence?: string | null; statusIndex: number; issuedAt: Date },
) {
  const base = publicUrl();
  const credential = achievementCredential(base, issuerFacts(issuer, base), achievementFacts(achievement), {
    id: award.id,
    email: award.email,
    salt: randomBytes(12).toString('base64url'),
    issuedAt: award.issuedAt,
    statusIndex: award.statusIndex,
    evidence: award.evidence ? { narrative: award.evidence } : null,
  });
  return sign(credential, award.issuedAt);
}

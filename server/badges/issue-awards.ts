import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import type { AchievementRow } from '@/db/queries/badges/achievements';
import { type AwardInsert, emailsWithAward, insertAwards } from '@/db/queries/badges/awards';
import { issuerById, type Q } from '@/db/queries/badges/issuers';
import { normalEmail, type Recipient } from '@/lib/domain/badges';
import { signAward, signerOf } from './signer';
import { takeStatusIndexes } from './take-status-indexes';

const INSERT_BATCH = 250;

/**
 * Issues an achievement to people who have no badge for it yet (any status: a declined or
 * rejected badge is not offered again): signs each credential, then inserts them, a unique
 * constraint making concurrent or repeated runs harmless. Returns how many were issued.
 */
export async function issueAwards(achievement: AchievementRow, recipients: Recipient[], q?: Q): Promise<number> {
  const db = q ?? (await getDb());
  const unique = new Map(recipients.map((r) => [normalEmail(r.email), r]));
  if (!unique.size) return 0;
  for (const email of await emailsWithAward(db, achievement.id, [...unique.keys()])) unique.delete(email);
  if (!unique.size) return 0;
  const issuer = (await issuerById(db, achievement.issuerId))!;
  const sign = await signerOf(issuer);
  const first = await takeStatusIndexes(db, issuer.id, unique.size);
  const issuedAt = new Date();
  let inserted = 0;
  let batch: AwardInsert[] = [];
  const flush = async () => {
    if (!batch.length) return;
    inserted += await insertAwards(db, batch);
    batch = [];
  };
  let i = 0;
  for (const [email, r] of unique) {
    const id = randomUUID();
    const statusIndex = first + i++;
    const credential = await signAward(sign, issuer, achievement, { id, email, evidence: r.evidence, statusIndex, issuedAt });
    batch.push({
      id,
      achievementId: achievement.id,
      issuerId: issuer.id,
      recipientEmail: email,
      recipientName: r.name,
      status: 'offered',
      evidence: r.evidence ?? null,
      credential,
      statusIndex,
      issuedAt,
    });
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
  return inserted;
}

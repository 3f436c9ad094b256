import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { holdsAward } from '@/db/queries/badges/awards';
import { hasEndorsed, insertEndorsement } from '@/db/queries/badges/endorsements';
import type { Q } from '@/db/queries/badges/issuers';
import { publicUrl } from '@/lib/config';
import { endorsementCredential } from '@/lib/badges/documents';
import { issuerFacts } from '@/lib/badges/issuers';
import { type BadgeRefusal, normalEmail, type Person } from '@/lib/domain/badges';
import { ensurePlatformIssuer } from './ensure-platform-issuer';
import { signerOf } from './signer';

/** A holder of an accepted badge endorses its achievement (an EndorsementCredential, signed by the platform). */
export async function endorseAchievement(person: Person, input: { achievementId: string; comment: string }, q?: Q): Promise<{ ok: true; id: string } | BadgeRefusal> {
  const db = q ?? (await getDb());
  const email = normalEmail(person.email);
  if (!(await holdsAward(db, input.achievementId, email))) return { ok: false, code: 'forbidden' };
  if (await hasEndorsed(db, input.achievementId, email)) return { ok: false, code: 'invalid_transition' };
  const platform = await ensurePlatformIssuer(db);
  const id = randomUUID();
  const base = publicUrl();
  const issuedAt = new Date();
  const credential = await (await signerOf(platform))(
    endorsementCredential(base, issuerFacts(platform, base), { id, achievementId: input.achievementId, endorserName: person.name, comment: input.comment, issuedAt }),
    issuedAt,
  );
  const inserted = await insertEndorsement(db, { id, achievementId: input.achievementId, endorserEmail: email, endorserName: person.name, comment: input.comment, credential });
  return inserted ? { ok: true, id } : { ok: false, code: 'invalid_transition' };
}

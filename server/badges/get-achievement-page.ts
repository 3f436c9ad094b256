import { getDb } from '@/db/client';
import { publicRecipients } from '@/db/queries/badges/awards';
import { endorsementsOf } from '@/db/queries/badges/endorsements';
import { achievementWithIssuer, endorsementsOfBy, viewerAward } from '@/db/queries/badges/pages';
import { publicUrl } from '@/lib/config';
import { achievementDocument } from '@/lib/badges/documents';
import { achievementFacts } from '@/lib/badges/issuers';
import { normalEmail } from '@/lib/domain/badges';

/** An achievement's public page: what it is, who shows it, its endorsements. */
export async function achievementPage(id: string, viewerEmail?: string | null) {
  const db = await getDb();
  const row = await achievementWithIssuer(db, id);
  if (!row) return null;
  const endorsements = await endorsementsOf(db, id);
  const mine = viewerEmail ? await viewerAward(db, id, normalEmail(viewerEmail)) : null;
  const endorsedByMe = viewerEmail ? endorsements.length > 0 && (await endorsementsOfBy(db, id, normalEmail(viewerEmail))).length > 0 : false;
  const base = publicUrl();
  return {
    achievement: row.achievement,
    document: achievementDocument(base, row.issuer.slug, row.issuer.name, achievementFacts(row.achievement)),
    issuer: { slug: row.issuer.slug, name: row.issuer.name, eventSlug: row.eventSlug },
    recipients: (await publicRecipients(db, [id])).get(id) ?? [],
    endorsements,
    mine,
    endorsedByMe,
  };
}

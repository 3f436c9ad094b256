import { getDb } from '@/db/client';
import { achievementsOfIssuer as achievementRows } from '@/db/queries/badges/achievements';
import { publicRecipients } from '@/db/queries/badges/awards';
import { issuerBySlug } from '@/db/queries/badges/issuers';
import { publicUrl } from '@/lib/config';
import { badgeUrls } from '@/lib/badges/documents';

/** `GET /api/issuers/{issuer}/achievements`: with the recipients who show theirs publicly. */
export async function achievementsOfIssuer(slug: string) {
  const db = await getDb();
  const issuer = await issuerBySlug(db, slug);
  if (!issuer) return null;
  const list = await achievementRows(db, issuer.id);
  const shown = await publicRecipients(db, list.map((a) => a.id));
  const u = badgeUrls(publicUrl());
  return list.map((a) => ({
    id: u.achievement(a.id),
    name: a.name,
    description: a.description,
    criteria: { narrative: a.criteria },
    image: a.image,
    recipients: (shown.get(a.id) ?? []).map((r) => ({ name: r.name, credentialUrl: u.credentialPage(r.id) })),
  }));
}

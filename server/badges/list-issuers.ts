import { getDb } from '@/db/client';
import { issuerNames } from '@/db/queries/badges/issuers';
import { publicUrl } from '@/lib/config';
import { badgeUrls } from '@/lib/badges/documents';

/** `GET /api/issuers`. */
export async function listIssuers() {
  const rows = await issuerNames(await getDb());
  const u = badgeUrls(publicUrl());
  return rows.map((r) => ({ id: u.issuer(r.slug), slug: r.slug, name: r.name }));
}

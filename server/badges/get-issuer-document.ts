import { getDb } from '@/db/client';
import { issuerBySlug } from '@/db/queries/badges/issuers';
import { publicUrl } from '@/lib/config';
import { issuerProfile, keyDocument } from '@/lib/badges/documents';
import { issuerFacts } from '@/lib/badges/issuers';

/** The issuer's public documents: its Profile (also its key's controller document) and its key. */
export async function issuerDocument(slug: string, which: 'profile' | 'key') {
  const issuer = await issuerBySlug(await getDb(), slug);
  if (!issuer) return null;
  const base = publicUrl();
  return which === 'profile' ? issuerProfile(base, issuerFacts(issuer, base), issuer.publicKeyMultibase) : keyDocument(base, issuer.slug, issuer.publicKeyMultibase);
}

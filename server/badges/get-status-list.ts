import { createList } from '@digitalbazaar/vc-bitstring-status-list';
import { getDb } from '@/db/client';
import { issuerBySlug, revokedStatusIndexes, saveStatusList } from '@/db/queries/badges/issuers';
import { publicUrl } from '@/lib/config';
import { STATUS_LIST_LENGTH, statusListCredential } from '@/lib/badges/documents';
import { issuerFacts } from '@/lib/badges/issuers';
import { signerOf } from './signer';

/**
 * `GET /api/issuers/{issuer}/status/{list}`: the revocation list. Signing (JSON-LD canonicalisation
 * and Ed25519) is the costly part, and the list is public: it is signed when what it says changes
 * (a revocation, however written: the issuer's managers, an erasure, the seed) or the public URL
 * does, and kept on the issuer's row; every other GET returns the same signed document. What is
 * compared is the encoded bitstring itself, read at each GET, so no writer has to remember it.
 */
export async function statusListDocument(slug: string, list: string) {
  const db = await getDb();
  const issuer = await issuerBySlug(db, slug);
  if (!issuer || list !== '1') return null;
  const bits = await createList({ length: STATUS_LIST_LENGTH });
  for (const index of await revokedStatusIndexes(db, issuer.id)) bits.setStatus(index, true);
  const encoded = await bits.encode();
  const base = publicUrl();
  const source = `${base} ${encoded}`;
  if (issuer.statusListSigned && issuer.statusListSource === source) return issuer.statusListSigned;
  const sign = await signerOf(issuer);
  const signed = await sign(statusListCredential(base, issuerFacts(issuer, base), encoded, new Date()));
  await saveStatusList(db, issuer.id, signed, source);
  return signed;
}

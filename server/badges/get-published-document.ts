import { publicUrl } from '@/lib/config';
import { publishedDocumentRef } from '@/lib/badges/issuers';
import { issuerDocument } from './get-issuer-document';
import { statusListDocument } from './get-status-list';

/**
 * The documents this platform publishes under its public URL, by URL: issuer profiles, keys and
 * status lists (what the verifier resolves); null for any other URL.
 */
export async function publishedDocument(url: string): Promise<unknown | null> {
  const ref = publishedDocumentRef(publicUrl(), url);
  if (!ref) return null;
  return ref.which === 'status' ? statusListDocument(ref.slug, ref.list) : issuerDocument(ref.slug, ref.which);
}

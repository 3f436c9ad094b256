import credentialsV2 from './contexts/credentials-v2.json';
import dataIntegrityV2 from './contexts/data-integrity-v2.json';
import didV1 from './contexts/did-v1.json';
import multikeyV1 from './contexts/multikey-v1.json';
import obV3 from './contexts/ob-v3p0-3.0.3.json';

/** Context URLs of what Chemins issues (files in ./contexts, see its README). */
export const CONTEXTS = {
  credentials: 'https://www.w3.org/ns/credentials/v2',
  openBadges: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  dataIntegrity: 'https://w3id.org/security/data-integrity/v2',
  multikey: 'https://w3id.org/security/multikey/v1',
  did: 'https://www.w3.org/ns/did/v1',
} as const;

const byUrl = new Map<string, unknown>([
  [CONTEXTS.credentials, credentialsV2],
  [CONTEXTS.openBadges, obV3],
  [CONTEXTS.dataIntegrity, dataIntegrityV2],
  [CONTEXTS.multikey, multikeyV1],
  [CONTEXTS.did, didV1],
]);

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };

/** A JSON-LD context kept in the project, or null: nothing is fetched from the network. */
export function localContext(url: string): LoadedDocument | null {
  const document = byUrl.get(url);
  return document ? { contextUrl: null, documentUrl: url, document } : null;
}

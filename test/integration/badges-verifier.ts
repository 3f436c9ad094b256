import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

/**
 * The tests' own verifier, separate from the app's signing and verifying code: Digital Bazaar's
 * libraries called directly, the standard contexts read from the files kept in the project, and
 * every other URL fetched through `fetchDocument` (the app's public GET routes in the tests).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, unknown>;
const CONTEXT_FILES: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'lib/badges/contexts/credentials-v2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'lib/badges/contexts/ob-v3p0-3.0.3.json',
  'https://w3id.org/security/data-integrity/v2': 'lib/badges/contexts/data-integrity-v2.json',
  'https://w3id.org/security/multikey/v1': 'lib/badges/contexts/multikey-v1.json',
  'https://www.w3.org/ns/did/v1': 'lib/badges/contexts/did-v1.json',
};

export type FetchDocument = (url: string) => Promise<unknown>;

export async function independentVerify(credential: Record<string, unknown>, fetchDocument: FetchDocument) {
  const documentLoader = async (url: string) => {
    const file = CONTEXT_FILES[url];
    const document = file ? read(file) : await fetchDocument(url);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: (o) => checkStatus({ ...o, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
  });
  const revoked = result.statusResult?.results?.some((r) => r.status === true) ?? false;
  return { verified: result.verified, revoked, error: result.error };
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const schemas = {
  achievement: ajv.compile(read('specs/openbadges-3.0/achievementcredential.json')),
  endorsement: ajv.compile(read('specs/openbadges-3.0/endorsementcredential.json')),
  profile: ajv.compile(read('specs/openbadges-3.0/profile.json')),
};

/** Validation errors of a document against an Open Badges 3.0 JSON Schema (empty when valid). */
export function schemaErrors(which: keyof typeof schemas, doc: unknown): string[] {
  const validate = schemas[which];
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { localContext } from './contexts';
import type { JsonDoc } from './documents';
import { issuerKeyPair } from './keys';

/** Signing reads nothing but the contexts kept in the project: any other URL is an error. */
export async function offlineLoader(url: string) {
  const found = localContext(url);
  if (!found) throw new Error(`Document not available offline: ${url}`);
  return found;
}

export type IssuerKey = { keyUrl: string; publicKeyMultibase: string; secretKeyEncrypted: string; issuerId: string };

/** Signs documents for one issuer (its key decrypted once): Data Integrity, `eddsa-rdfc-2022`. */
export async function signerFor(key: IssuerKey, secret: string) {
  const keyPair = await issuerKeyPair({ ...key, secret });
  const signer = keyPair.signer();
  return async (credential: JsonDoc, now = new Date()): Promise<JsonDoc> => {
    const suite = new DataIntegrityProof({ signer, cryptosuite, date: now });
    const signed = await vc.issue({ credential, suite, documentLoader: offlineLoader, now });
    // Open Badges 3.0's schema wants `proof` as a list (a proof set of one: the same for verifiers).
    return { ...signed, proof: [signed.proof] };
  };
}

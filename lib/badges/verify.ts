import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { localContext } from './contexts';
import type { JsonDoc } from './documents';

export type Verification = {
  verified: boolean;
  /** What was checked and passed: `proof`, `status`, `expiration`. */
  checks: string[];
  errors: string[];
  /** The issuer revoked it (its proof may still be intact). */
  revoked: boolean;
};

/** Messages of a verification error, which the libraries nest (`errors`, `cause`). */
function messages(err: unknown): string[] {
  if (!err) return [];
  if (Array.isArray(err)) return err.flatMap(messages);
  const e = err as { message?: string; errors?: unknown[]; cause?: unknown };
  if (e.errors?.length) return e.errors.flatMap(messages);
  return [e.message ?? String(err)];
}

/**
 * Verifies a credential (its Data Integrity proof, then its revocation status): contexts come from
 * the files kept in the project, every other document from `resolve` (the app's own issuer
 * profiles, keys and status lists; anything else is refused: no network at run time).
 */
export async function verifyCredential(credential: JsonDoc, resolve: (url: string) => Promise<unknown | null>, now = new Date()): Promise<Verification> {
  const documentLoader = async (url: string) => {
    const context = localContext(url);
    if (context) return context;
    const document = await resolve(url);
    if (!document) throw new Error(`Cannot resolve ${url}: only credentials of this platform's issuers can be checked here`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite });
  let result: Awaited<ReturnType<typeof vc.verifyCredential>>;
  try {
    result = await vc.verifyCredential({
      credential,
      suite,
      documentLoader,
      now,
      checkStatus: (o) => checkStatus({ ...o, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
    });
  } catch (err) {
    return { verified: false, checks: [], errors: messages(err), revoked: false };
  }
  const statusOk = result.statusResult?.verified ?? !credential.credentialStatus;
  const revoked = result.statusResult?.results?.some((r) => r.status === true) ?? false;
  const proofOk = result.verified || (!!result.statusResult && !statusOk && !result.error);
  const errors = messages(result.error).concat(result.statusResult && !statusOk ? messages((result.statusResult as { error?: unknown }).error) : []);
  if (revoked) errors.push('The issuer has revoked this credential.');
  const checks = [...(proofOk ? ['proof'] : []), ...(statusOk && !revoked && credential.credentialStatus ? ['status'] : []), ...(result.verified ? ['expiration'] : [])];
  return { verified: result.verified && !revoked, checks, errors: [...new Set(errors)], revoked };
}

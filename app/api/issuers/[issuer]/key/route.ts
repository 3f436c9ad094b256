import { issuerDocument } from '@/server/badges/get-issuer-document';
import { jsonLdDocument } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** The issuer's public key (`Multikey`): the `verificationMethod` of its proofs. */
export const GET = endpoint({}, async ({ params }) => {
  const doc = await issuerDocument(params.issuer, 'key');
  return doc ? respond(jsonLdDocument, doc) : apiError(404, 'issuer_not_found', 'No such issuer.');
});

import { publishedDocument } from '@/db/queries/badges';
import { verifyResponseSchema } from '@/lib/api/responses';
import { verifyCredential } from '@/lib/badges/verify';
import { verifyRequestSchema } from '@/lib/domain/badges';
import { respond } from '@/lib/http';
import { guardJson } from '@/lib/write-guard';
import { clientAddressOf } from '@/server/http/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * Public contract: check a credential (its proof against the issuer's published key, then its
 * revocation status), `{ verified, checks, errors }`. Only this platform's issuers are resolved.
 */
export async function POST(req: Request) {
  const body = await guardJson(req, ['verificationsPerAddress', clientAddressOf(req)], verifyRequestSchema, { maxBytes: 128 * 1024 });
  if (!body.ok) return body.response;
  return respond(verifyResponseSchema, await verifyCredential(body.data.credential, publishedDocument));
}

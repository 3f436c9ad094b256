import { publishedDocument } from '@/server/badges/get-published-document';
import { verifyResponseSchema } from '@/lib/api/responses';
import { verifyCredential } from '@/lib/badges/verify';
import { verifyRequestSchema } from '@/lib/domain/badges';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * Public contract: check a credential (its proof against the issuer's published key, then its
 * revocation status), `{ verified, checks, errors }`. Only this platform's issuers are resolved.
 */
export const POST = endpoint(
  { body: { schema: verifyRequestSchema, limit: ({ req }) => ['verificationsPerAddress', clientAddressOf(req)], maxBytes: 128 * 1024 } },
  async ({ body }) => respond(verifyResponseSchema, await verifyCredential(body.credential, publishedDocument)),
);

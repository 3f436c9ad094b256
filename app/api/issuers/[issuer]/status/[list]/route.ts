import { statusListDocument } from '@/server/badges/get-status-list';
import { apiError } from '@/server/http/respond';
import { vcResponse } from '@/server/badges/http';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** The issuer's revocation list (`BitstringStatusListCredential`), as signed when it last changed. */
export const GET = endpoint({}, async ({ params: { issuer, list } }) => {
  const doc = await statusListDocument(issuer, list);
  return doc ? vcResponse(doc, { maxAge: 60 }) : apiError(404, 'not_found', 'No such status list.');
});

import { credentialOf } from '@/server/badges/get-credential';
import { apiError } from '@/server/http/respond';
import { vcResponse } from '@/server/badges/http';
import { isUuid } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: a badge's signed `OpenBadgeCredential`, as issued (`application/vc+ld+json`). */
export const GET = endpoint({}, async ({ url, params: { id } }) => {
  const found = isUuid(id) ? await credentialOf(id) : null;
  if (!found) return apiError(404, 'not_found', 'No such credential.');
  const download = url.searchParams.has('download');
  return vcResponse(found.credential, { filename: download ? `badge-${id}.json` : undefined });
});

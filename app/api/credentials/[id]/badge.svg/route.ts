import { credentialOf } from '@/server/badges/get-credential';
import { bakedSvg } from '@/lib/badges/image';
import { apiError } from '@/server/http/respond';
import { isUuid } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** The badge as a baked SVG: its image carrying the signed credential (Open Badges baking). */
export const GET = endpoint({}, async ({ params: { id } }) => {
  const found = isUuid(id) ? await credentialOf(id) : null;
  if (!found) return apiError(404, 'not_found', 'No such credential.');
  return new Response(bakedSvg(found.kind, found.name, found.credential), {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `attachment; filename="badge-${id}.svg"`,
      // An SVG is a document: nothing in it may run when opened from this origin.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
});

import { issuerDocument } from '@/db/queries/badges';
import { jsonLdDocument } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The issuer's Open Badges `Profile`, also the controller document of its key (docs/badges.md). */
export async function GET(_req: Request, ctx: { params: Promise<{ issuer: string }> }) {
  const doc = await issuerDocument((await ctx.params).issuer, 'profile');
  return doc ? respond(jsonLdDocument, doc) : apiError(404, 'issuer_not_found', 'No such issuer.');
}

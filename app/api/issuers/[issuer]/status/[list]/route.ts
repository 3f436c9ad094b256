import { statusListDocument } from '@/db/queries/badges';
import { apiError } from '@/lib/http';
import { vcResponse } from '@/server/badges-http';

export const dynamic = 'force-dynamic';

/** The issuer's revocation list (`BitstringStatusListCredential`), as signed when it last changed. */
export async function GET(_req: Request, ctx: { params: Promise<{ issuer: string; list: string }> }) {
  const { issuer, list } = await ctx.params;
  const doc = await statusListDocument(issuer, list);
  return doc ? vcResponse(doc, { maxAge: 60 }) : apiError(404, 'not_found', 'No such status list.');
}

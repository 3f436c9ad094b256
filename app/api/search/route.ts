import { search } from '@/db/queries/search';
import { searchResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { searchRequest } from '@/lib/domain/search';
import { invalid, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `GET /api/search?q=…&path=…&format=…&licence=…&lang=…` →
 * `{ results: [{ type, slug, title, snippet, url }] }`. An empty query is an empty result; a
 * malformed filter is a 400.
 */
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = searchRequest.safeParse(params);
  if (!parsed.success) return invalid(parsed.error, 'The search is not valid.');
  return respond(searchResponse, { results: await search(parsed.data, publicUrl()) });
}

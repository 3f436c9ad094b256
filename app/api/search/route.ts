import { search } from '@/db/queries/search';
import { searchResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { searchRequest } from '@/lib/domain/search';
import { invalid, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * Public contract: `GET /api/search?q=…&path=…&format=…&licence=…&lang=…` →
 * `{ results: [{ type, slug, title, snippet, url }] }`. An empty query is an empty result; a
 * malformed filter is a 400.
 */
export const GET = endpoint({ query: searchRequest, invalidQuery: (error) => invalid(error, 'The search is not valid.') }, async ({ query }) =>
  respond(searchResponse, { results: await search(query, publicUrl()) }),
);

/** Helpers of the Open Badges routes (app/api/issuers, app/api/credentials). */

/** A verifiable credential as JSON-LD (`application/vc+ld+json`), optionally as a download. */
export function vcResponse(doc: unknown, opts: { filename?: string; maxAge?: number } = {}): Response {
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      'content-type': 'application/vc+ld+json',
      ...(opts.filename ? { 'content-disposition': `attachment; filename="${opts.filename}"` } : {}),
      ...(opts.maxAge ? { 'cache-control': `public, max-age=${opts.maxAge}` } : {}),
    },
  });
}

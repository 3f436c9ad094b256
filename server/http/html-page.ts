import { escapeHtml } from '@/lib/domain/search';

/**
 * A small self-contained HTML page answered by a route (unsubscribe confirmations, opened from a
 * mail without the app around them): no script, no index, no cache. `body` is HTML already escaped.
 */
export function htmlPage(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" },
  });
}

import { z } from 'zod';
import { publicUrl } from '@/lib/config';
import { LOCALES } from '@/lib/i18n';
import { apiError } from '@/server/http/respond';
import { sitePath } from '@/lib/security/paths';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

const query = z.object({ to: z.enum(LOCALES) });

/**
 * `GET /locale?to=en`: the language switch in the header is this plain link, so it works without
 * JavaScript and costs no script. The choice is kept in the `locale` cookie (read by
 * i18n/request.ts), then the person goes back to the page they were on (the same-site Referer,
 * sent by our `referrer-policy: same-origin`), else home.
 */
export const GET = endpoint({ query, invalidQuery: () => apiError(400, 'invalid', `\`to\` must be one of ${LOCALES.join(', ')}.`, { to: 'unsupported' }) }, ({ req, url, query: { to } }) => {
  const referer = req.headers.get('referer');
  let back = '/';
  if (referer) {
    try {
      const from = new URL(referer);
      const ours = [url.host, req.headers.get('host'), new URL(publicUrl()).host];
      if (ours.includes(from.host)) back = sitePath(`${from.pathname}${from.search}`) ?? '/';
    } catch {
      // Not a URL: home.
    }
  }
  return new Response(null, {
    status: 303,
    headers: { Location: back, 'Set-Cookie': `locale=${to}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`, 'Cache-Control': 'no-store' },
  });
});

import { z } from 'zod';
import { readAttachment } from '@/db/queries/attachments';
import { IMAGE_VARIANTS } from '@/lib/attachments';
import { apiError } from '@/server/http/respond';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Types a browser may show in place; everything else is downloaded. */
const INLINE = /^(image\/(png|jpeg|webp|gif)|application\/pdf|audio\/|video\/)/;

/**
 * `GET /api/attachments/{id}` (`?variant=thumb|medium` for an image's resized copies): the file,
 * for whoever may see it (published resources and path covers: everybody; otherwise its uploader
 * and the reviewers of its paths). Served with its sniffed type and `nosniff`.
 */
export const GET = endpoint({ params: z.object({ id: uuidSchema }), notFound: 'No such file.', who: 'participant?' }, async ({ req, url, params: { id }, who }) => {
  const variant = url.searchParams.get('variant');
  if (variant !== null && !(variant in IMAGE_VARIANTS)) return apiError(404, 'not_found', 'No such file.');
  const file = await readAttachment(id, {
    variant,
    viewer: { userId: who?.userId ?? null, registrationId: who?.kind === 'registration' ? who.registrationId : null },
  });
  if (!file) return apiError(404, 'not_found', 'No such file.');
  const etag = `"${file.sha256.slice(0, 32)}${variant ? `-${variant}` : ''}"`;
  const cache = 'private, max-age=300';
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cache } });
  const inline = INLINE.test(file.contentType);
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
      'Content-Length': String(file.data.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
      ETag: etag,
      'Cache-Control': cache,
    },
  });
});

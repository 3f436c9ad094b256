import { storeAttachment } from '@/db/queries/attachments';
import { attachmentResponse } from '@/lib/api/responses';
import { AttachmentRefusal, MAX_ATTACHMENT_BYTES, inspectAttachment } from '@/lib/attachments';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { apiError, respond } from '@/server/http/respond';
import { sitePath } from '@/lib/security/paths';
import { guardUpload } from '@/server/http/upload-guard';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

const NEXT_REFUSAL = '`next` must be a path on this site, starting with a single /.';


/** Back to the form that sent the file (no-JavaScript upload): with the new id, or the refusal's code. */
function backTo(next: string, params: Record<string, string>): Response {
  const url = new URL(next, 'http://x');
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}${url.hash}` } });
}

/**
 * `POST /api/attachments` (multipart: `file`, optional `next`): store a file for a resource form
 * (or a path's cover), for a signed-in person or a registrant (personal link). Size and type are
 * checked from the content; the file and its image variants are written in one transaction, or
 * not at all. The upload is attached when the form that uses it is saved (`attachmentIds`).
 * Answers `201 { data }`, or with `next` (a plain HTML form) a 303 back there with `attachment=<id>`
 * or, when a browser sent it (Accept: text/html), `uploadError=<code>`.
 */
export const POST = endpoint({ who: 'participant', unauthenticated: 'Sign in (or open your personal link) first.' }, async ({ req, url, who }) => {
  // `next` in the query (so that even a refused body comes back to the form) or in the form.
  // A `next` that is not a same-site path is refused rather than ignored: the sender expected to be sent back somewhere.
  // Only same-site paths are followed back (`sitePath`, as for sign-in).
  const queried = url.searchParams.get('next');
  let next = queried === null ? null : sitePath(queried);
  if (queried !== null && !next) return apiError(400, 'invalid_next', NEXT_REFUSAL);
  // The page behind `next` shows the refusal from the catalogues (paths.errors.<code>); JSON clients get the code and an English message.
  // Only a browser's form (a multipart body, from a navigation that accepts HTML) is sent back there; an API client gets the refusal itself.
  const fromForm = (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data') && (req.headers.get('accept') ?? '').includes('text/html');
  const refuse = (status: number, code: string, message: string) => (next && fromForm ? backTo(next, { uploadError: code }) : apiError(status, code, message));
  const guarded = await guardUpload(req, who.userId ? `user:${who.userId}` : `registration:${who.kind === 'registration' ? who.registrationId : ''}`, MAX_ATTACHMENT_BYTES);
  if (!guarded.ok) {
    const refused = refuse(guarded.status, guarded.code, guarded.message);
    if (guarded.retryAfter !== undefined && refused.status === 429) refused.headers.set('retry-after', String(guarded.retryAfter));
    return refused;
  }
  const formNext = guarded.form.get('next');
  if (formNext !== null) {
    const formPath = typeof formNext === 'string' ? sitePath(formNext) : null;
    if (!formPath) return refuse(400, 'invalid_next', NEXT_REFUSAL);
    next ??= formPath;
  }
  const file = guarded.form.get('file');
  if (!(file instanceof File)) return refuse(400, 'file_missing', 'Send the file in the `file` field.');
  if (file.size === 0) return refuse(400, 'file_empty', 'The file is empty.');
  let inspected;
  try {
    inspected = await inspectAttachment(Buffer.from(await file.arrayBuffer()), file.name);
  } catch (err) {
    if (err instanceof AttachmentRefusal) return refuse(err.code === 'file_too_large' ? 413 : 415, err.code, err.message);
    throw err;
  }
  let stored;
  try {
    stored = await storeAttachment(
      {
        filename: inspected.filename,
        contentType: inspected.contentType,
        data: inspected.data,
        sha256: inspected.sha256,
        width: inspected.width,
        height: inspected.height,
        variants: inspected.variants,
        uploadedBy: who.userId,
        uploadedByRegistration: who.kind === 'registration' ? who.registrationId : null,
      },
      // Each person's uploads, attached or not, hold at most ATTACHMENT_QUOTA_MIB (413 quota_exceeded).
      { quotaBytes: config().ATTACHMENT_QUOTA_MIB * 1024 * 1024 },
    );
  } catch (err) {
    if (err instanceof DomainError) return refuse(err.status, err.code, err.message);
    throw err;
  }
  const { id } = stored;
  if (next) return backTo(next, { attachment: id });
  return respond(
    attachmentResponse,
    {
      data: {
        id,
        filename: inspected.filename,
        contentType: inspected.contentType,
        size: inspected.size,
        width: inspected.width,
        height: inspected.height,
        variants: inspected.variants.map((v) => v.name),
        url: `/api/attachments/${id}`,
      },
    },
    { status: 201 },
  );
});

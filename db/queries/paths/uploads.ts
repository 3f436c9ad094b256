import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { UploadView } from '@/lib/domain/paths';
import type { Db, Tx } from '../../client';
import { attachments, attachmentVariants } from '../../schema';

// Uploads not attached yet, as the resource and proposal forms show them.

/** These uploads (by id, in that order) that are still unattached and were uploaded by `who` (user or registrant). */
export async function unattachedUploads(q: Db | Tx, ids: string[], who: { userId?: string | null; registrationId?: string | null }): Promise<UploadView[]> {
  const rows = await q
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, ids),
        isNull(attachments.resourceId),
        or(
          who.userId ? eq(attachments.uploadedBy, who.userId) : undefined,
          who.registrationId ? eq(attachments.uploadedByRegistration, who.registrationId) : undefined,
        ),
      ),
    );
  const variants = rows.length
    ? await q
        .select({ attachmentId: attachmentVariants.attachmentId, name: attachmentVariants.name })
        .from(attachmentVariants)
        .where(inArray(attachmentVariants.attachmentId, rows.map((r) => r.id)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, { ...r, variants: variants.filter((v) => v.attachmentId === r.id).map((v) => v.name) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

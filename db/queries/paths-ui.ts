import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '../client';
import { attachments, attachmentVariants } from '../schema';

// Reads the path pages need that the back-end's modules do not offer (front-end side of issue 12).

export type UploadView = { id: string; filename: string; contentType: string; size: number; variants: string[] };

/**
 * Files a person uploaded and has not attached yet (a resource or proposal form in progress), by
 * id: only their own (signed-in user or registrant), so that a form cannot show somebody else's.
 */
export async function pendingUploadsOf(ids: string[], who: { userId?: string | null; registrationId?: string | null }): Promise<UploadView[]> {
  const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 50);
  if (!wanted.length || (!who.userId && !who.registrationId)) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, wanted),
        isNull(attachments.resourceId),
        or(
          who.userId ? eq(attachments.uploadedBy, who.userId) : undefined,
          who.registrationId ? eq(attachments.uploadedByRegistration, who.registrationId) : undefined,
        ),
      ),
    );
  const variants = rows.length
    ? await db
        .select({ attachmentId: attachmentVariants.attachmentId, name: attachmentVariants.name })
        .from(attachmentVariants)
        .where(inArray(attachmentVariants.attachmentId, rows.map((r) => r.id)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, { ...r, variants: variants.filter((v) => v.attachmentId === r.id).map((v) => v.name) }]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

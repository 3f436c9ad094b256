import { pick } from './columns';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { canReview } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { getDb } from '../client';
import { attachments, attachmentVariants, paths, resourcePaths, resources } from '../schema';
import { actorOf } from './paths/rows';

// Attachment bytes in the database (every replica sees them). The upload route and its checks
// (size and type sniffed from the content, image variants) are lib/attachments; this module only
// stores what was accepted — the original and its variants in one transaction, so nothing is
// half-stored — and reads it back for whoever may see it.

export type NewAttachment = {
  filename: string;
  /** As sniffed from the content. */
  contentType: string;
  data: Buffer;
  sha256: string;
  width?: number | null;
  height?: number | null;
  variants?: { name: string; contentType: string; width: number; height: number; data: Buffer }[];
  /** The uploader: a signed-in user, or a registrant through their personal link. */
  uploadedBy?: string | null;
  uploadedByRegistration?: string | null;
};

/** The bytes of `a`'s uploader's uploads (attached or not), originals and variants. */
function uploadedBytes(tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>['transaction']>[0]>[0], a: NewAttachment) {
  const mine = or(
    a.uploadedBy ? eq(attachments.uploadedBy, a.uploadedBy) : sql`false`,
    a.uploadedByRegistration ? eq(attachments.uploadedByRegistration, a.uploadedByRegistration) : sql`false`,
  );
  return tx
    .select({
      bytes: sql<string>`coalesce(sum(${attachments.size} + coalesce((select sum(v.size) from ${attachmentVariants} v where v.attachment_id = ${attachments.id}), 0)), 0)`,
    })
    .from(attachments)
    .where(mine);
}

/**
 * Store an accepted upload and its variants in one transaction, unattached: it is attached when
 * the resource form that uses it is saved (`attachmentIds` of create/update/propose), by the same
 * person. Returns its id. With `quotaBytes`, what the uploader's uploads hold in all (attached or
 * not, variants included) may not pass it: `413 quota_exceeded`, nothing written. The uploader's
 * uploads are counted under a lock of their own, so that two uploads at once cannot both pass.
 */
export async function storeAttachment(a: NewAttachment, opts: { quotaBytes?: number } = {}): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const uploader = a.uploadedBy ? `user:${a.uploadedBy}` : a.uploadedByRegistration ? `registration:${a.uploadedByRegistration}` : null;
    if (opts.quotaBytes && uploader) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`attachments-quota:${uploader}`}))`);
      const [held] = await uploadedBytes(tx, a);
      const adding = a.data.length + (a.variants ?? []).reduce((n, v) => n + v.data.length, 0);
      if (Number(held?.bytes ?? 0) + adding > opts.quotaBytes) {
        throw new DomainError(413, 'quota_exceeded', `Your uploads would hold more than ${Math.round(opts.quotaBytes / 1024 / 1024)} MB: remove some first.`);
      }
    }
    const [row] = await tx
      .insert(attachments)
      .values({
        filename: a.filename,
        contentType: a.contentType,
        size: a.data.length,
        sha256: a.sha256,
        width: a.width ?? null,
        height: a.height ?? null,
        data: a.data,
        uploadedBy: a.uploadedBy ?? null,
        uploadedByRegistration: a.uploadedByRegistration ?? null,
      })
      .returning({ id: attachments.id });
    if (a.variants?.length) {
      await tx.insert(attachmentVariants).values(
        a.variants.map((v) => ({ attachmentId: row!.id, name: v.name, contentType: v.contentType, width: v.width, height: v.height, size: v.data.length, data: v.data })),
      );
    }
    return { id: row!.id };
  });
}

/** Metadata of a resource's attachments, in order (no bytes). */
export async function attachmentsOfResource(resourceId: string) {
  const db = await getDb();
  const rows = await db
    .select(pick(attachments, 'id', 'filename', 'contentType', 'size', 'width', 'height'))
    .from(attachments)
    .where(eq(attachments.resourceId, resourceId))
    .orderBy(asc(attachments.position));
  const variants = rows.length
    ? await db
        .select({ attachmentId: attachmentVariants.attachmentId, name: attachmentVariants.name })
        .from(attachmentVariants)
        .where(inArray(attachmentVariants.attachmentId, rows.map((r) => r.id)))
    : [];
  return rows.map((r) => ({ ...r, variants: variants.filter((v) => v.attachmentId === r.id).map((v) => v.name) }));
}

export type AttachmentBytes = { filename: string; contentType: string; size: number; sha256: string; data: Buffer };

/**
 * An attachment's bytes (or one of its variants), for whoever may see it: anybody when its
 * resource is published or it is a path's cover; otherwise its uploader and the reviewers of
 * its resource's paths. Null when unknown or hidden.
 */
export async function readAttachment(
  id: string,
  opts: { variant?: string | null; viewer?: { userId?: string | null; registrationId?: string | null } } = {},
): Promise<AttachmentBytes | null> {
  const db = await getDb();
  const [a] = await db
    .select({
      ...pick(attachments, 'id', 'resourceId', 'pathId', 'uploadedBy', 'uploadedByRegistration', 'filename', 'contentType', 'sha256'),
      status: resources.status,
      isCover: sql<boolean>`exists (select 1 from ${paths} p where p.cover_attachment_id = ${attachments.id})`,
    })
    .from(attachments)
    .leftJoin(resources, eq(resources.id, attachments.resourceId))
    .where(eq(attachments.id, id));
  if (!a) return null;
  const viewer = opts.viewer ?? {};
  let visible = a.status === 'published' || a.isCover;
  if (!visible) {
    visible =
      (Boolean(viewer.userId) && a.uploadedBy === viewer.userId) ||
      (Boolean(viewer.registrationId) && a.uploadedByRegistration === viewer.registrationId);
  }
  if (!visible && viewer.userId) {
    const pathIds = a.resourceId
      ? (await db.select({ id: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, a.resourceId))).map((r) => r.id)
      : a.pathId
        ? [a.pathId]
        : [];
    visible = canReview(await actorOf(viewer.userId), pathIds);
  }
  if (!visible) return null;
  if (opts.variant) {
    const [v] = await db
      .select({ contentType: attachmentVariants.contentType, size: attachmentVariants.size, data: attachmentVariants.data })
      .from(attachmentVariants)
      .where(and(eq(attachmentVariants.attachmentId, id), eq(attachmentVariants.name, opts.variant)));
    if (!v) return null;
    return { filename: a.filename, sha256: a.sha256, ...v };
  }
  const [full] = await db.select({ size: attachments.size, data: attachments.data }).from(attachments).where(eq(attachments.id, id));
  return { filename: a.filename, contentType: a.contentType, sha256: a.sha256, size: full!.size, data: full!.data };
}

/** Delete uploads never attached to a resource or a path, older than `olderThanMs` (default a day). */
export async function purgeOrphanAttachments(now = new Date(), olderThanMs = 86_400_000): Promise<number> {
  const db = await getDb();
  const removed = await db
    .delete(attachments)
    .where(
      and(
        isNull(attachments.resourceId),
        isNull(attachments.pathId),
        lt(attachments.createdAt, new Date(now.getTime() - olderThanMs)),
        sql`not exists (select 1 from ${paths} p where p.cover_attachment_id = ${attachments.id})`,
      ),
    )
    .returning({ id: attachments.id });
  return removed.length;
}

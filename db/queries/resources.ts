import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Identity } from '@/db/queries/identity';
import {
  type CreateResourceRequest,
  type FieldDiff,
  type ProposeResourceRequest,
  type ResourceSnapshot,
  type SnapshotText,
  type Transition,
  type UpdateResourceRequest,
  canPlaceOn,
  canReview,
  changedFields,
  diffSnapshots,
  nextStatus,
  firstFreeSlug,
  slugify,
} from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { may, pathsWhere } from '@/lib/policy';
import { type Db, getDb, type Tx } from '../client';
import {
  attachments,
  events,
  pathSessions,
  paths,
  programmeSessions,
  registrations,
  resourcePaths,
  resourceRevisions,
  resourceSessions,
  resources,
  users,
} from '../schema';
import { attachmentsOfResource } from './attachments';
import { enqueue } from './mail';
import { actorOf, pathIdOf } from './paths';
import { mayExportQa } from './qa';

// Resources on paths: create, edit, propose, review (workflow), revisions with diffs, order on a
// path, and the Q&A → meeting report. Every write runs in one transaction that also writes its
// revision (and, for proposals, the outcome mail in the outbox). Access checks use the rules of
// lib/domain/resources on the actor read in the same transaction.

type ResourceRow = typeof resources.$inferSelect;

/** Who acts: a signed-in user (id and display name), or a registrant by personal link. */
export type ResourceActor = { userId: string; name: string };

const NOT_FOUND = () => new DomainError(404, 'not_found', 'No such resource.');

async function pathIdsOf(tx: Tx, resourceId: string): Promise<string[]> {
  const rows = await tx.select({ pathId: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, resourceId));
  return rows.map((r) => r.pathId);
}

/** The resource's snapshot as its revisions keep it. */
async function snapshotOf(tx: Tx, r: ResourceRow): Promise<ResourceSnapshot> {
  const [pathRows, sessionRows, attachmentRows] = await Promise.all([
    tx.select({ id: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, r.id)),
    tx.select({ id: resourceSessions.sessionId }).from(resourceSessions).where(eq(resourceSessions.resourceId, r.id)),
    tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.resourceId, r.id)).orderBy(asc(attachments.position)),
  ]);
  return {
    title: r.title,
    summary: r.summary,
    body: r.body,
    format: r.format,
    language: r.language,
    date: r.date,
    licence: r.licence,
    authors: r.authors,
    mediaUrl: r.mediaUrl,
    status: r.status,
    sessionIds: sessionRows.map((x) => x.id).sort(),
    pathIds: pathRows.map((x) => x.id).sort(),
    attachmentIds: attachmentRows.map((x) => x.id),
  };
}

/** Record a revision of `r` (its state after a change) in the caller's transaction (also used by the seeder). */
export async function writeRevision(
  tx: Tx,
  r: ResourceRow,
  action: (typeof resourceRevisions.$inferInsert)['action'],
  actor: { userId: string | null; name: string },
  before: ResourceSnapshot | null,
  note?: string | null,
): Promise<void> {
  const after = await snapshotOf(tx, r);
  await tx.insert(resourceRevisions).values({
    resourceId: r.id,
    version: r.version,
    action,
    actorUserId: actor.userId,
    actorName: actor.name,
    changed: changedFields(before, after),
    snapshot: after,
    note: note ?? null,
  });
}

/** A slug not used yet: the title's, then -2, -3… */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  const rows = await tx
    .select({ slug: resources.slug })
    .from(resources)
    .where(or(eq(resources.slug, base), sql`${resources.slug} like ${`${base}-%`}`));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

async function checkSessions(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.select({ id: programmeSessions.id }).from(programmeSessions).where(inArray(programmeSessions.id, ids));
  if (found.length !== new Set(ids).size) throw new DomainError(400, 'invalid', 'Unknown session.', { sessionIds: 'unknown' });
}

/**
 * Attach uploads to a resource: each must be unattached and uploaded by the same person, or be
 * on this resource already. Attachments left out are removed from the resource (and deleted).
 */
async function setAttachments(
  tx: Tx,
  resourceId: string,
  ids: string[],
  uploader: { userId?: string | null; registrationId?: string | null },
): Promise<void> {
  const rows = ids.length
    ? await tx
        .select({ id: attachments.id, resourceId: attachments.resourceId, by: attachments.uploadedBy, byReg: attachments.uploadedByRegistration })
        .from(attachments)
        .where(inArray(attachments.id, ids))
    : [];
  for (const id of ids) {
    const a = rows.find((x) => x.id === id);
    const mine =
      a &&
      (a.resourceId === resourceId ||
        (a.resourceId === null &&
          ((uploader.userId && a.by === uploader.userId) || (uploader.registrationId && a.byReg === uploader.registrationId))));
    if (!mine) throw new DomainError(400, 'invalid', 'Unknown attachment.', { attachmentIds: 'unknown' });
  }
  await tx
    .delete(attachments)
    .where(and(eq(attachments.resourceId, resourceId), ids.length ? sql`${attachments.id} not in ${ids}` : undefined));
  for (const [position, id] of ids.entries()) {
    await tx.update(attachments).set({ resourceId, position }).where(eq(attachments.id, id));
  }
}

async function loadForUpdate(tx: Tx, resourceId: string): Promise<ResourceRow> {
  const [r] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
  if (!r) throw NOT_FOUND();
  return r;
}

/** Put a resource at the end of a path (also used by the seeder). */
export async function appendToPath(tx: Tx, resourceId: string, pathId: string): Promise<void> {
  await tx
    .insert(resourcePaths)
    .values({
      resourceId,
      pathId,
      position: sql`(select coalesce(max(position), -1) + 1 from ${resourcePaths} where path_id = ${pathId})`,
    })
    .onConflictDoNothing();
}

// ---------------------------------------------------------------- create, edit

/**
 * A new resource on a path, by its coordinators, organizers or admins: a draft, or published at
 * once with `publish`. Returns its id and slug.
 */
export async function createResource(
  actor: ResourceActor,
  pathSlug: string,
  input: CreateResourceRequest,
  now = new Date(),
): Promise<{ id: string; slug: string; status: ResourceRow['status'] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    const rights = await actorOf(actor.userId, tx);
    if (!canPlaceOn(rights, [pathId])) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can add resources to it.');
    await checkSessions(tx, input.sessionIds);
    const { sessionIds, attachmentIds, publish, ...fields } = input;
    const [r] = await tx
      .insert(resources)
      .values({
        ...fields,
        date: fields.date ?? null,
        mediaUrl: fields.mediaUrl ?? null,
        slug: await freeSlug(tx, fields.title),
        status: publish ? 'published' : 'draft',
        publishedAt: publish ? now : null,
        createdBy: actor.userId,
        reviewedBy: publish ? actor.userId : null,
        reviewedAt: publish ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendToPath(tx, r!.id, pathId);
    if (sessionIds.length) await tx.insert(resourceSessions).values(sessionIds.map((sessionId) => ({ resourceId: r!.id, sessionId }))).onConflictDoNothing();
    await setAttachments(tx, r!.id, attachmentIds, { userId: actor.userId });
    await writeRevision(tx, r!, publish ? 'published' : 'created', { userId: actor.userId, name: actor.name }, null);
    return { id: r!.id, slug: r!.slug, status: r!.status };
  });
}

/**
 * Edit a resource's fields (any subset), by a reviewer of one of its paths. `version` must be
 * the one the editor read: a concurrent edit is a 409, not lost. Returns the new version.
 */
export async function updateResource(actor: ResourceActor, resourceId: string, patch: UpdateResourceRequest, now = new Date()): Promise<{ version: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await loadForUpdate(tx, resourceId);
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, await pathIdsOf(tx, resourceId))) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can edit it.');
    if (patch.version !== r.version) throw new DomainError(409, 'conflict', 'Somebody changed this resource meanwhile: reload it.', { version: String(r.version) });
    const before = await snapshotOf(tx, r);
    const { version: _v, sessionIds, attachmentIds, ...fields } = patch;
    if (sessionIds) {
      await checkSessions(tx, sessionIds);
      await tx.delete(resourceSessions).where(eq(resourceSessions.resourceId, resourceId));
      if (sessionIds.length) await tx.insert(resourceSessions).values(sessionIds.map((sessionId) => ({ resourceId, sessionId }))).onConflictDoNothing();
    }
    if (attachmentIds) await setAttachments(tx, resourceId, attachmentIds, { userId: actor.userId });
    const [updated] = await tx
      .update(resources)
      .set({ ...fields, version: r.version + 1, updatedAt: now })
      .where(eq(resources.id, resourceId))
      .returning();
    const after = await snapshotOf(tx, updated!);
    if (changedFields(before, after).length === 0) throw new DomainError(400, 'unchanged', 'Nothing changed.');
    await writeRevision(tx, updated!, 'updated', { userId: actor.userId, name: actor.name }, before);
    return { version: updated!.version };
  });
}

/**
 * Put a resource on more paths or take it off some (reviewers of each path concerned). A
 * resource keeps at least one path.
 */
export async function setResourcePaths(actor: ResourceActor, resourceId: string, pathSlugs: string[], now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await loadForUpdate(tx, resourceId);
    const current = await pathIdsOf(tx, resourceId);
    const wanted = pathSlugs.length ? await tx.select({ id: paths.id }).from(paths).where(inArray(paths.slug, pathSlugs)) : [];
    if (!wanted.length || wanted.length !== new Set(pathSlugs).size) throw new DomainError(400, 'invalid', 'Unknown path.', { paths: 'unknown' });
    const wantedIds = wanted.map((w) => w.id);
    const added = wantedIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wantedIds.includes(id));
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, current) || !canPlaceOn(rights, [...added, ...removed])) {
      throw new DomainError(403, 'forbidden', 'Only a path’s coordinators can put resources on it or take them off.');
    }
    if (!added.length && !removed.length) return;
    const before = await snapshotOf(tx, r);
    if (removed.length) await tx.delete(resourcePaths).where(and(eq(resourcePaths.resourceId, resourceId), inArray(resourcePaths.pathId, removed)));
    for (const pathId of added) await appendToPath(tx, resourceId, pathId);
    const [updated] = await tx.update(resources).set({ version: r.version + 1, updatedAt: now }).where(eq(resources.id, resourceId)).returning();
    await writeRevision(tx, updated!, 'updated', { userId: actor.userId, name: actor.name }, before);
  });
}

// ---------------------------------------------------------------- workflow

/**
 * Move a resource through the workflow (submit, publish, decline with a reason, archive,
 * unpublish, reopen), by a reviewer of one of its paths. A proposal's publication or decline
 * queues the outcome mail to its proposer in the same transaction.
 */
export async function transitionResource(
  actor: ResourceActor,
  resourceId: string,
  action: Transition,
  reason?: string | null,
  now = new Date(),
): Promise<{ status: ResourceRow['status']; version: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await loadForUpdate(tx, resourceId);
    const pathIds = await pathIdsOf(tx, resourceId);
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, pathIds)) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can do that.');
    const to = nextStatus(r.status, action);
    if (!to) throw new DomainError(409, 'invalid_transition', `A resource in status “${r.status}” cannot be “${action}”.`);
    if (action === 'decline' && !reason?.trim()) throw new DomainError(400, 'invalid', 'Say why the proposal is declined.', { reason: 'required' });
    const before = await snapshotOf(tx, r);
    const reviewing = action === 'publish' || action === 'decline';
    const [updated] = await tx
      .update(resources)
      .set({
        status: to,
        version: r.version + 1,
        updatedAt: now,
        ...(action === 'publish' ? { publishedAt: r.publishedAt ?? now } : {}),
        ...(reviewing ? { reviewedBy: actor.userId, reviewedAt: now, declineReason: action === 'decline' ? reason!.trim() : null } : {}),
      })
      .where(eq(resources.id, resourceId))
      .returning();
    const revisionAction = ({ submit: 'submitted', publish: 'published', decline: 'declined', archive: 'archived', unpublish: 'unpublished', reopen: 'updated' } as const)[action];
    await writeRevision(tx, updated!, revisionAction, { userId: actor.userId, name: actor.name }, before, reason ?? null);
    if (reviewing && r.proposed && r.proposerEmail && r.status === 'in_review') {
      const [path] = await tx.select({ slug: paths.slug, title: paths.title }).from(paths).where(inArray(paths.id, pathIds)).limit(1);
      await enqueue(tx, 'resource_outcome', {
        dedupeKey: `outcome:${r.id}:${updated!.version}`,
        resourceId: r.id,
        payload: {
          to: r.proposerEmail,
          name: r.proposerName,
          outcome: action === 'publish' ? 'published' : 'declined',
          reason: action === 'decline' ? reason!.trim() : null,
          title: r.title,
          slug: r.slug,
          path: path ?? null,
        },
      });
    }
    return { status: updated!.status, version: updated!.version };
  });
}

// ---------------------------------------------------------------- proposals (the medialab)

/**
 * A proposal from anybody signed in, or a registrant through their personal link: lands in the
 * path's review queue (`in_review`), tagged with the proposer, who is mailed the outcome.
 * Attachments must have been uploaded by the same person.
 */
export async function proposeResource(
  who: Identity,
  pathSlug: string,
  input: Omit<ProposeResourceRequest, 'token'>,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: paths.id, status: paths.status }).from(paths).where(eq(paths.slug, pathSlug)).limit(1);
    if (!p || p.status === 'draft') throw new DomainError(404, 'not_found', 'No such path.');
    if (p.status === 'archived') throw new DomainError(409, 'path_archived', 'This path is archived: it takes no new proposals.');
    const { attachmentIds, ...fields } = input;
    const registrationId = who.kind === 'registration' ? who.registrationId : null;
    const [r] = await tx
      .insert(resources)
      .values({
        ...fields,
        date: fields.date ?? null,
        mediaUrl: fields.mediaUrl ?? null,
        slug: await freeSlug(tx, fields.title),
        status: 'in_review',
        proposed: true,
        createdBy: who.userId,
        proposerUserId: who.userId,
        proposerRegistrationId: registrationId,
        proposerName: who.name,
        proposerEmail: who.email,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendToPath(tx, r!.id, p.id);
    await setAttachments(tx, r!.id, attachmentIds, { userId: who.userId, registrationId });
    await writeRevision(tx, r!, 'proposed', { userId: who.userId, name: who.name }, null);
    return { id: r!.id, slug: r!.slug };
  });
}

export type QueueItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  format: ResourceRow['format'];
  language: string;
  proposerName: string | null;
  proposed: boolean;
  createdAt: Date;
  updatedAt: Date;
  paths: { slug: string; title: string }[];
};

/**
 * The review queue: resources `in_review` on the paths the user reviews (`path.review`: all
 * paths for admins), oldest first; `pathSlug` narrows it to one path.
 */
export async function reviewQueue(userId: string, pathSlug?: string): Promise<QueueItem[]> {
  const db = await getDb();
  const reviewed = pathsWhere((await actorOf(userId)).grants, 'path.review');
  if (reviewed !== 'all' && !reviewed.length) return [];
  const rows = await db
    .select({
      id: resources.id,
      slug: resources.slug,
      title: resources.title,
      summary: resources.summary,
      format: resources.format,
      language: resources.language,
      proposerName: resources.proposerName,
      proposed: resources.proposed,
      createdAt: resources.createdAt,
      updatedAt: resources.updatedAt,
      pathSlug: paths.slug,
      pathTitle: paths.title,
      pathId: paths.id,
    })
    .from(resources)
    .innerJoin(resourcePaths, eq(resourcePaths.resourceId, resources.id))
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(
      and(
        eq(resources.status, 'in_review'),
        reviewed === 'all' ? undefined : inArray(resourcePaths.pathId, reviewed),
        pathSlug ? eq(paths.slug, pathSlug) : undefined,
      ),
    )
    .orderBy(asc(resources.updatedAt));
  const byId = new Map<string, QueueItem>();
  for (const { pathSlug: slug, pathTitle: title, pathId: _p, ...r } of rows) {
    const item = byId.get(r.id) ?? { ...r, paths: [] };
    item.paths.push({ slug, title });
    byId.set(r.id, item);
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------- reading

export type ResourceView = ResourceRow & {
  paths: { id: string; slug: string; title: string }[];
  sessions: { id: string; slug: string; title: string; startsAt: Date; event: { slug: string; title: string; timeZone: string } }[];
  attachments: { id: string; filename: string; contentType: string; size: number; width: number | null; height: number | null; variants: string[] }[];
  viewer: { canEdit: boolean; isProposer: boolean };
};

/**
 * A resource by slug: published ones for everybody; other statuses for the reviewers of one of
 * its paths and for its proposer (who sees their own proposal). Null otherwise.
 */
export async function getResourceBySlug(slug: string, viewer: { userId?: string | null; registrationId?: string | null } = {}): Promise<ResourceView | null> {
  const db = await getDb();
  const [r] = await db.select().from(resources).where(eq(resources.slug, slug)).limit(1);
  if (!r) return null;
  const pathRows = await db
    .select({ id: paths.id, slug: paths.slug, title: paths.title })
    .from(resourcePaths)
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(eq(resourcePaths.resourceId, r.id))
    .orderBy(asc(paths.title));
  const canEdit = viewer.userId ? canReview(await actorOf(viewer.userId), pathRows.map((p) => p.id)) : false;
  const isProposer =
    (Boolean(viewer.userId) && r.proposerUserId === viewer.userId) ||
    (Boolean(viewer.registrationId) && r.proposerRegistrationId === viewer.registrationId);
  if (r.status !== 'published' && !canEdit && !isProposer) return null;
  const [sessionRows, files] = await Promise.all([sessionsOfResource(r.id), attachmentsOfResource(r.id)]);
  return { ...r, paths: pathRows, sessions: sessionRows, attachments: files, viewer: { canEdit, isProposer } };
}

/** A resource by id for its editors (the edit form), or null. */
export async function getResourceForEdit(userId: string, resourceId: string): Promise<ResourceView | null> {
  const db = await getDb();
  const [r] = await db.select({ slug: resources.slug }).from(resources).where(eq(resources.id, resourceId)).limit(1);
  if (!r) return null;
  const view = await getResourceBySlug(r.slug, { userId });
  return view?.viewer.canEdit ? view : null;
}

/** The resources a person proposed (their "my proposals" list), newest first. */
export async function proposalsOf(who: { userId?: string | null; registrationId?: string | null }) {
  if (!who.userId && !who.registrationId) return [];
  const db = await getDb();
  return db
    .select({
      id: resources.id,
      slug: resources.slug,
      title: resources.title,
      status: resources.status,
      declineReason: resources.declineReason,
      createdAt: resources.createdAt,
    })
    .from(resources)
    .where(
      and(
        eq(resources.proposed, true),
        or(
          who.userId ? eq(resources.proposerUserId, who.userId) : undefined,
          who.registrationId ? eq(resources.proposerRegistrationId, who.registrationId) : undefined,
        ),
      ),
    )
    .orderBy(desc(resources.createdAt));
}

// ---------------------------------------------------------------- revisions

export type RevisionView = {
  id: string;
  version: number;
  action: string;
  actorName: string;
  changed: string[];
  note: string | null;
  createdAt: Date;
  /** Against the previous revision (everything for the first). */
  diff: FieldDiff[];
};

/**
 * A resource's history, newest first, with each revision's diff: reviewers of its paths only. With
 * `text` (a page), values read as a person reads them: the linked sessions, paths and files by
 * their titles and names, the rest as `text` says; without it (the API), as stored.
 */
export async function listRevisions(userId: string, resourceId: string, text?: SnapshotText): Promise<RevisionView[]> {
  const db = await getDb();
  const pathRows = await db.select({ id: resourcePaths.pathId }).from(resourcePaths).where(eq(resourcePaths.resourceId, resourceId));
  const [exists] = await db.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId));
  if (!exists) throw NOT_FOUND();
  if (!canReview(await actorOf(userId), pathRows.map((p) => p.id))) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can see its history.');
  const rows = await db.select().from(resourceRevisions).where(eq(resourceRevisions.resourceId, resourceId)).orderBy(asc(resourceRevisions.version));
  const shown = text && (await withNames(db, rows.map((r) => r.snapshot as ResourceSnapshot), text));
  const views = rows.map((row, i) => ({
    id: row.id,
    version: row.version,
    action: row.action,
    actorName: row.actorName,
    changed: row.changed,
    note: row.note,
    createdAt: row.createdAt,
    diff: diffSnapshots(i ? (rows[i - 1]!.snapshot as ResourceSnapshot) : null, row.snapshot as ResourceSnapshot, shown),
  }));
  return views.reverse();
}

/** `text`, with the sessions, paths and files the snapshots name read by their titles and file names (any that still exist). */
async function withNames(db: Db, snapshots: Partial<ResourceSnapshot>[], text: SnapshotText): Promise<SnapshotText> {
  const ids = (field: 'sessionIds' | 'pathIds' | 'attachmentIds') => [...new Set(snapshots.flatMap((s) => s[field] ?? []))];
  const [sessionIds, pathIds, attachmentIds] = [ids('sessionIds'), ids('pathIds'), ids('attachmentIds')];
  const [sessionRows, pathRows, fileRows] = await Promise.all([
    sessionIds.length ? db.select({ id: programmeSessions.id, name: programmeSessions.title }).from(programmeSessions).where(inArray(programmeSessions.id, sessionIds)) : [],
    pathIds.length ? db.select({ id: paths.id, name: paths.title }).from(paths).where(inArray(paths.id, pathIds)) : [],
    attachmentIds.length ? db.select({ id: attachments.id, name: attachments.filename }).from(attachments).where(inArray(attachments.id, attachmentIds)) : [],
  ]);
  const names = new Map([...sessionRows, ...pathRows, ...fileRows].map((r) => [r.id, r.name]));
  return (field, item) => ((field === 'sessionIds' || field === 'pathIds' || field === 'attachmentIds') && typeof item === 'string' ? names.get(item) : undefined) ?? text(field, item);
}

// ---------------------------------------------------------------- order on a path

/** Set the order of a path's resources (its coordinators): ids not listed keep their order after the listed ones. */
export async function reorderPathResources(actor: ResourceActor, pathSlug: string, resourceIds: string[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const pathId = await pathIdOf(pathSlug, tx);
    if (!may((await actorOf(actor.userId, tx)).grants, 'path.edit', { pathId })) throw new DomainError(403, 'forbidden', 'Only this path’s coordinators can order its resources.');
    const rows = await tx
      .select({ id: resourcePaths.resourceId })
      .from(resourcePaths)
      .where(eq(resourcePaths.pathId, pathId))
      .orderBy(asc(resourcePaths.position))
      .for('update');
    const present = new Set(rows.map((r) => r.id));
    if (resourceIds.some((id) => !present.has(id))) throw new DomainError(400, 'invalid', 'A resource is not on this path.', { resourceIds: 'not_on_path' });
    const order = [...new Set(resourceIds), ...rows.map((r) => r.id).filter((id) => !resourceIds.includes(id))];
    for (const [position, id] of order.entries()) {
      await tx.update(resourcePaths).set({ position }).where(and(eq(resourcePaths.pathId, pathId), eq(resourcePaths.resourceId, id)));
    }
  });
}

// ---------------------------------------------------------------- sessions of a resource, Q&A → meeting report

async function sessionsOfResource(resourceId: string) {
  const db = await getDb();
  return db
    .select({
      id: programmeSessions.id,
      slug: programmeSessions.slug,
      title: programmeSessions.title,
      startsAt: programmeSessions.startsAt,
      event: { slug: events.slug, title: events.title, timeZone: events.timeZone },
    })
    .from(resourceSessions)
    .innerJoin(programmeSessions, eq(programmeSessions.id, resourceSessions.sessionId))
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(resourceSessions.resourceId, resourceId))
    .orderBy(asc(programmeSessions.startsAt));
}

/** A session, its paths, and whether the user may make its report (`mayExportQa`). */
async function sessionAccess(userId: string, sessionId: string) {
  const db = await getDb();
  const [s] = await db
    .select({
      title: programmeSessions.title,
      startsAt: programmeSessions.startsAt,
      language: programmeSessions.language,
      eventTitle: events.title,
      eventId: programmeSessions.eventId,
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(programmeSessions.id, sessionId));
  if (!s) return null;
  const links = await db.select({ pathId: pathSessions.pathId }).from(pathSessions).where(eq(pathSessions.sessionId, sessionId));
  const { eventId, ...session } = s;
  return { session, allowed: await mayExportQa(userId, { id: sessionId, eventId }), pathIds: links.map((l) => l.pathId) };
}

/**
 * Turn a session's Q&A export (`markdown`, from lib/exports/qa) into a draft meeting-report
 * resource on every path the session is linked to, with the session linked. For the session
 * event's organizers and moderators, admins, and coordinators of one of those paths. A session
 * linked to no path is a 409.
 */
export async function meetingReportFromQa(
  actor: ResourceActor,
  sessionId: string,
  build: (session: { title: string; startsAt: Date; eventTitle: string }) => Promise<{ title: string; markdown: string }>,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  const access = await sessionAccess(actor.userId, sessionId);
  if (!access) throw new DomainError(404, 'not_found', 'No such session.');
  if (!access.pathIds.length) throw new DomainError(409, 'no_path', 'Link this session to a path first.');
  if (!access.allowed) throw new DomainError(403, 'forbidden', 'Only the event’s organizers and moderators, and the coordinators of its paths, can do that.');
  const { title, markdown } = await build(access.session);
  return db.transaction((tx) =>
    draftSessionResource(tx, {
      sessionId,
      session: access.session,
      pathIds: access.pathIds,
      title,
      body: markdown,
      format: 'meeting_report',
      licence: 'CC-BY-SA-4.0',
      actor: { userId: actor.userId, name: actor.name },
      note: 'Q&A',
      now,
    }),
  );
}

/**
 * A draft resource about a session (a meeting report from its Q&A, a replay), on every path the
 * session is linked to, with the session linked and its first revision: in the caller's
 * transaction.
 */
export async function draftSessionResource(
  tx: Tx,
  d: {
    sessionId: string;
    session: { startsAt: Date; language: string };
    pathIds: string[];
    title: string;
    body: string;
    format: ResourceRow['format'];
    licence: string;
    mediaUrl?: string | null;
    actor: { userId: string | null; name: string };
    note: string;
    now?: Date;
  },
): Promise<{ id: string; slug: string }> {
  const now = d.now ?? new Date();
  const [r] = await tx
    .insert(resources)
    .values({
      slug: await freeSlug(tx, d.title),
      title: d.title,
      summary: '',
      body: d.body,
      format: d.format,
      language: d.session.language,
      date: d.session.startsAt.toISOString().slice(0, 10),
      licence: d.licence,
      authors: [],
      mediaUrl: d.mediaUrl ?? null,
      status: 'draft',
      createdBy: d.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  for (const pathId of d.pathIds) await appendToPath(tx, r!.id, pathId);
  await tx.insert(resourceSessions).values({ resourceId: r!.id, sessionId: d.sessionId });
  await writeRevision(tx, r!, 'created', d.actor, null, d.note);
  return { id: r!.id, slug: r!.slug };
}

/** The registrant behind a personal link may propose while their registration is active. */
export async function registrantIsActive(registrationId: string): Promise<boolean> {
  const db = await getDb();
  const [r] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.status, 'active')));
  return Boolean(r);
}

/** Display name of a user for revisions (name, else the e-mail's local part). */
export async function actorFromUser(userId: string): Promise<ResourceActor> {
  const db = await getDb();
  const [u] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) throw new DomainError(401, 'unauthenticated', 'Sign in first.');
  return { userId, name: u.name ?? u.email.split('@')[0]! };
}

// ---------------------------------------------------------------- feeds

export type FeedEntry = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  format: ResourceRow['format'];
  licence: string;
  authors: ResourceRow['authors'];
  publishedAt: Date;
  updatedAt: Date;
  paths: { slug: string; title: string }[];
};

/**
 * The latest published resources, newest first, for the Atom feeds: the whole site's, or one
 * path's (null when the path is unknown or a draft).
 */
export async function feedResources(opts: { pathSlug?: string; limit?: number } = {}): Promise<{ path: { slug: string; title: string; summary: string; updatedAt: Date } | null; entries: FeedEntry[] } | null> {
  const db = await getDb();
  let path: { id: string; slug: string; title: string; summary: string; updatedAt: Date } | null = null;
  if (opts.pathSlug) {
    const [p] = await db
      .select({ id: paths.id, slug: paths.slug, title: paths.title, summary: paths.summary, updatedAt: paths.updatedAt, status: paths.status })
      .from(paths)
      .where(eq(paths.slug, opts.pathSlug));
    if (!p || p.status === 'draft') return null;
    path = p;
  }
  const rows = await db
    .select({
      id: resources.id,
      slug: resources.slug,
      title: resources.title,
      summary: resources.summary,
      body: resources.body,
      format: resources.format,
      licence: resources.licence,
      authors: resources.authors,
      publishedAt: resources.publishedAt,
      updatedAt: resources.updatedAt,
    })
    .from(resources)
    .where(
      and(
        eq(resources.status, 'published'),
        path ? sql`exists (select 1 from ${resourcePaths} rp where rp.resource_id = ${resources.id} and rp.path_id = ${path.id})` : undefined,
      ),
    )
    .orderBy(desc(resources.publishedAt), asc(resources.title))
    .limit(Math.min(opts.limit ?? 50, 200));
  const links = rows.length
    ? await db
        .select({ resourceId: resourcePaths.resourceId, slug: paths.slug, title: paths.title })
        .from(resourcePaths)
        .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
        .where(inArray(resourcePaths.resourceId, rows.map((r) => r.id)))
    : [];
  return {
    path: path ? { slug: path.slug, title: path.title, summary: path.summary, updatedAt: path.updatedAt } : null,
    entries: rows.map((r) => ({
      ...r,
      publishedAt: r.publishedAt ?? r.updatedAt,
      paths: links.filter((l) => l.resourceId === r.id).map(({ resourceId: _r, ...l }) => l),
    })),
  };
}

/** Whether the resource (by id) is on the path (by slug): resource routes under a path answer 404 otherwise. */
export async function resourceOnPath(pathSlug: string, resourceId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(resourceId)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: resourcePaths.resourceId })
    .from(resourcePaths)
    .innerJoin(paths, eq(paths.id, resourcePaths.pathId))
    .where(and(eq(paths.slug, pathSlug), eq(resourcePaths.resourceId, resourceId)));
  return Boolean(row);
}

import { getDb } from '@/db/client';
import { enqueue } from '@/db/queries/mail';
import { actorOf } from '@/db/queries/paths/rows';
import { firstPathOf, pathIdsOfResource, type ResourceRow, updateResourceRow } from '@/db/queries/resources/rows';
import { snapshotOf, writeRevision } from '@/db/queries/resources/revisions';
import { canReview, nextStatus, type ResourceActor, type Transition } from '@/lib/domain/resources';
import { DomainError } from '@/lib/errors';
import { lockResource } from './resource-writes';

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
    const r = await lockResource(tx, resourceId);
    const pathIds = await pathIdsOfResource(tx, resourceId);
    const rights = await actorOf(actor.userId, tx);
    if (!canReview(rights, pathIds)) throw new DomainError(403, 'forbidden', 'Only this resource’s path coordinators can do that.');
    const to = nextStatus(r.status, action);
    if (!to) throw new DomainError(409, 'invalid_transition', `A resource in status “${r.status}” cannot be “${action}”.`);
    if (action === 'decline' && !reason?.trim()) throw new DomainError(400, 'invalid', 'Say why the proposal is declined.', { reason: 'required' });
    const before = await snapshotOf(tx, r);
    const reviewing = action === 'publish' || action === 'decline';
    const updated = await updateResourceRow(tx, resourceId, {
      status: to,
      version: r.version + 1,
      updatedAt: now,
      ...(action === 'publish' ? { publishedAt: r.publishedAt ?? now } : {}),
      ...(reviewing ? { reviewedBy: actor.userId, reviewedAt: now, declineReason: action === 'decline' ? reason!.trim() : null } : {}),
    });
    const revisionAction = ({ submit: 'submitted', publish: 'published', decline: 'declined', archive: 'archived', unpublish: 'unpublished', reopen: 'updated' } as const)[action];
    await writeRevision(tx, updated, revisionAction, { userId: actor.userId, name: actor.name }, before, reason ?? null);
    if (reviewing && r.proposed && r.proposerEmail && r.status === 'in_review') {
      await enqueue(tx, 'resource_outcome', {
        dedupeKey: `outcome:${r.id}:${updated.version}`,
        resourceId: r.id,
        payload: {
          to: r.proposerEmail,
          name: r.proposerName,
          outcome: action === 'publish' ? 'published' : 'declined',
          reason: action === 'decline' ? reason!.trim() : null,
          title: r.title,
          slug: r.slug,
          path: await firstPathOf(tx, pathIds),
        },
      });
    }
    return { status: updated.status, version: updated.version };
  });
}

import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { attendance, chatMessages, events, programmeSessions, registrations, retentionPurges, sessionFeedback } from '../schema';
import { snapshotEventReport } from './report';

/** The instant `months` months before `now`: events that ended before it are past their retention time. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export type PurgeResult = { eventId: string; chatMessages: number; attendance: number; checkIns: number };

/**
 * The retention job's pass (docs/privacy.md): for each event that ended more than `months` months
 * before `now` and is not yet in `retention_purges`, in one transaction per event: its chat
 * messages are deleted (reactions go with them), its attendance rows lose the person (the actor
 * key becomes a salted hash, one per person and session, so counts and durations stay while the
 * person cannot be found again: the salt is drawn per pass and kept nowhere), its registrations'
 * check-in times are cleared, its feedback answers lose their registration and link token, and the
 * event is recorded as purged. The event row is claimed with
 * `for update skip locked`: two processes never purge one event together, and a pass that crashes
 * leaves the event to the next (nothing is recorded until the purge commits). Idempotent.
 */
export async function purgeExpired(opts: { now?: Date; months: number; limit?: number }): Promise<PurgeResult[]> {
  const db = await getDb();
  const cutoff = retentionCutoff(opts.now ?? new Date(), opts.months);
  const done: PurgeResult[] = [];
  for (let i = 0; i < (opts.limit ?? 50); i++) {
    const result = await db.transaction(async (tx) => {
      const [event] = await tx
        .select({ id: events.id, timeZone: events.timeZone })
        .from(events)
        .where(and(lt(events.endsAt, cutoff), sql`not exists (select 1 from ${retentionPurges} where ${retentionPurges.eventId} = ${events.id})`))
        .orderBy(events.endsAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!event) return null;
      // The report keeps its aggregates (docs/report.md): computed before the raw records go.
      const kept = await snapshotEventReport(tx, event.id, event.timeZone, opts.now ?? new Date());
      const sessionIds = tx.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.eventId, event.id));
      const salt = randomBytes(16).toString('hex');
      const chat = await tx.delete(chatMessages).where(inArray(chatMessages.sessionId, sessionIds)).returning({ id: chatMessages.id });
      const att = await tx
        .update(attendance)
        .set({ actorKey: sql`'expired:' || md5(${salt} || ${attendance.sessionId}::text || ${attendance.actorKey})` })
        .where(and(inArray(attendance.sessionId, sessionIds), sql`${attendance.actorKey} not like 'expired:%'`))
        .returning({ id: attendance.id });
      const checkIns = await tx
        .update(registrations)
        .set({ checkedInAt: null })
        .where(and(eq(registrations.eventId, event.id), isNotNull(registrations.checkedInAt)))
        .returning({ id: registrations.id });
      // Feedback answers stay (they carry no name); their link to the registration and their token go.
      await tx
        .update(sessionFeedback)
        .set({ registrationId: null, token: null })
        .where(inArray(sessionFeedback.sessionId, sessionIds));
      const row = { eventId: event.id, chatMessages: chat.length, attendance: att.length, checkIns: checkIns.length };
      await tx.insert(retentionPurges).values({ ...row, registrations: kept });
      return row;
    });
    if (!result) break;
    done.push(result);
  }
  return done;
}

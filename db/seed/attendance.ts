import { and, eq, inArray, like } from 'drizzle-orm';
import type { Tx } from '../client';
import { attendance, programmeSessions } from '../schema';
import { DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG, DEMO_REPLAY_SESSION_SLUG } from './data/demo';

const MINUTE = 60_000;

/** How many demo viewers each past or live session of the demo edition had. */
const VIEWERS: Record<string, number> = { [DEMO_REPLAY_SESSION_SLUG]: 32, [DEMO_LIVE_SESSION_SLUG]: 18, [DEMO_LIVE_WORKSHOP_SLUG]: 8 };

/**
 * Join and leave rows for the demo's past session and its live ones (issue 30: the report's curves
 * are not empty), re-dated with them at every start, deterministic. Viewers are `demo:viewer-N`
 * (no account, no registration: no badge, no personal data). In the past session people join
 * around the start, some leave early, every fifth leaves and comes back; in the live sessions
 * they joined since the start and most are still there (no leave yet: the report counts them up
 * to now). Only the demo's own rows are replaced.
 */
export async function seedDemoAttendance(tx: Tx, demoEventId: string, now: Date): Promise<void> {
  const sessions = await tx
    .select({ id: programmeSessions.id, slug: programmeSessions.slug, startsAt: programmeSessions.startsAt, endsAt: programmeSessions.endsAt })
    .from(programmeSessions)
    .where(and(eq(programmeSessions.eventId, demoEventId), inArray(programmeSessions.slug, Object.keys(VIEWERS))));
  if (sessions.length === 0) return;
  await tx.delete(attendance).where(and(inArray(attendance.sessionId, sessions.map((s) => s.id)), like(attendance.actorKey, 'demo:%')));
  const rows: (typeof attendance.$inferInsert)[] = [];
  for (const s of sessions) {
    const start = s.startsAt.getTime();
    const past = s.endsAt.getTime() <= now.getTime();
    const span = (Math.min(s.endsAt.getTime(), now.getTime()) - start) / MINUTE;
    for (let i = 0; i < VIEWERS[s.slug]!; i++) {
      const at = (minutes: number) => new Date(start + minutes * MINUTE);
      const row = (k: number, from: number, to: number | null) =>
        rows.push({ sessionId: s.id, actorKey: `demo:viewer-${i + 1}`, participantSid: `PA_demo_${s.slug}_${i}_${k}`, joinedAt: at(from), leftAt: to === null ? null : at(to) });
      if (past) {
        const from = -5 + ((i * 7) % 20);
        const to = Math.min(span + 3, span - ((i * 11) % 35) + 5);
        if (i % 5 === 0) {
          const mid = from + Math.floor((to - from) / 2);
          row(0, from, mid - 4);
          row(1, mid, to);
        } else row(0, from, to);
      } else {
        const from = -3 + ((i * 5) % Math.max(1, Math.floor(span) + 2));
        if (at(from).getTime() > now.getTime()) continue;
        row(0, from, i % 4 === 3 ? Math.min(from + 3, span) : null);
      }
    }
  }
  await tx.insert(attendance).values(rows.filter((r) => !r.leftAt || r.leftAt > r.joinedAt));
}

/**
 * The session report's engagement timeline (issue 30), beside the figures of `lib/domain/report.ts`:
 * what happened in the room over time, counted, never who did it.
 */

export const ENGAGEMENT_KINDS = ['questions', 'votes', 'messages', 'pollAnswers'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Activity in one slice of the session: its start and a count per kind. */
export type EngagementBucket = { from: string } & Record<EngagementKind, number>;

/**
 * Counts per slice of `minutes` from the session's start: every slice of the scheduled span, and
 * further slices before or after it where there was activity (the room opens before and closes
 * after the session). `rows` are counts per slice index (0 = the first slice of the span).
 */
export function engagementBuckets(
  rows: { bucket: number; kind: EngagementKind; n: number }[],
  span: { startsAt: Date; endsAt: Date },
  minutes = 5,
): EngagementBucket[] {
  const step = minutes * 60_000;
  const scheduled = Math.max(1, Math.ceil((span.endsAt.getTime() - span.startsAt.getTime()) / step));
  const first = Math.min(0, ...rows.map((r) => r.bucket));
  const last = Math.max(scheduled - 1, ...rows.map((r) => r.bucket));
  const buckets: EngagementBucket[] = [];
  for (let b = first; b <= last; b++) {
    buckets.push({ from: new Date(span.startsAt.getTime() + b * step).toISOString(), questions: 0, votes: 0, messages: 0, pollAnswers: 0 });
  }
  for (const r of rows) buckets[r.bucket - first]![r.kind] += r.n;
  return buckets;
}

/**
 * The e-mail digest of a path's new resources: at most one per subscription and period. The
 * period is the ISO week (Monday to Sunday, UTC): a digest is queued at the first pass of the
 * mail worker in a week that has new resources since the previous digest, keyed by its week in
 * the outbox, so that a restart (or a second worker) never sends it twice.
 */
export function digestPeriod(now: Date): string {
  // ISO 8601 week-numbering year and week: the week's Thursday decides the year.
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The outbox key of a subscription's digest for a period. */
export function digestKey(subscriptionId: string, period: string): string {
  return `digest:${subscriptionId}:${period}`;
}

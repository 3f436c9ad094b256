/**
 * Editions of a series (issue 30's comparison with the previous edition). Nothing in the schema
 * links editions; their slugs do, by the house's naming: an edition is `{series}-{year}`
 * (`forum-usages-cooperatifs-2018`, `forum-usages-cooperatifs-2020`). The previous edition of an
 * event is the latest event of the same series that started before it; a slug without a year
 * belongs to no series.
 */
export function seriesOf(slug: string): string | null {
  const m = /^(.+)-(\d{4})$/.exec(slug);
  return m ? m[1]! : null;
}

export function previousEditionOf<E extends { slug: string; startsAt: Date }>(event: { slug: string; startsAt: Date }, candidates: E[]): E | null {
  const series = seriesOf(event.slug);
  if (!series) return null;
  return (
    candidates
      .filter((c) => c.slug !== event.slug && seriesOf(c.slug) === series && c.startsAt < event.startsAt)
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0] ?? null
  );
}

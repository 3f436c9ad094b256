import { and, like, lt } from 'drizzle-orm';
import { previousEditionOf, seriesOf } from '@/lib/domain/report-series';
import { getDb } from '../../client';
import { events } from '../../schema';

/** The previous edition of an event's series (lib/domain/report-series), or null. */
export async function previousEdition(event: { slug: string; startsAt: Date }) {
  const series = seriesOf(event.slug);
  if (!series) return null;
  const db = await getDb();
  const candidates = await db
    .select({ id: events.id, slug: events.slug, title: events.title, startsAt: events.startsAt })
    .from(events)
    .where(and(like(events.slug, `${series.replace(/[\\%_]/g, '\\$&')}-%`), lt(events.startsAt, event.startsAt)));
  return previousEditionOf(event, candidates);
}

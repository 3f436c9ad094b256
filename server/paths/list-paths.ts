import { getDb } from '@/db/client';
import { agendaOf, coordinatorsOf, pathRows } from '@/db/queries/paths/pages';
import type { PathSummary } from '@/lib/domain/paths';

/**
 * Paths with their coordinators, published-resource count and next linked session. By default
 * the active ones (the /paths page, `GET /api/paths`); `all` adds drafts and archived (admin views).
 */
export async function listPaths(opts: { all?: boolean; now?: Date } = {}): Promise<PathSummary[]> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const rows = await pathRows(db, Boolean(opts.all));
  const ids = rows.map((r) => r.id);
  const [coords, agenda] = await Promise.all([coordinatorsOf(db, ids), agendaOf(db, ids)]);
  return rows.map((p) => ({
    ...p,
    coordinators: coords.get(p.id) ?? [],
    nextSession:
      agenda.find((s) => s.pathId === p.id && s.endsAt > now && s.status !== 'cancelled') ?? null,
  }));
}

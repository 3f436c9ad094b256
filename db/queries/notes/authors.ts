import { asc, inArray, min, sql } from 'drizzle-orm';
import { getDb } from '../../client';
import { sessionNoteUpdates } from '../../schema';

/**
 * Who wrote in these notes documents (a session's and its groups'), each once, in the order they
 * first wrote: their names as the history keeps them (empty once erased).
 */
export async function noteAuthors(documentNames: readonly string[]): Promise<string[]> {
  if (!documentNames.length) return [];
  const db = await getDb();
  const first = min(sessionNoteUpdates.id);
  const rows = await db
    .select({ name: sql<string>`max(${sessionNoteUpdates.authorName})`, first })
    .from(sessionNoteUpdates)
    .where(inArray(sessionNoteUpdates.documentName, [...documentNames]))
    .groupBy(sessionNoteUpdates.actorKey)
    .orderBy(asc(first));
  return rows.map((r) => r.name);
}

import { getDb, type Tx } from '@/db/client';
import { pathIdBySlug } from '@/db/queries/paths/rows';
import { DomainError } from '@/lib/errors';

/** The id of a path by slug, or a 404 (in the caller's transaction when given). */
export async function pathIdOf(slug: string, tx?: Tx): Promise<string> {
  const id = await pathIdBySlug(tx ?? (await getDb()), slug);
  if (!id) throw new DomainError(404, 'not_found', 'No such path.');
  return id;
}

import { asc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { pathCoordinators, paths, people } from '../schema';

export async function listPaths() {
  const db = await getDb();
  const [pathRows, coordRows] = await Promise.all([
    db.select().from(paths).orderBy(asc(paths.title)),
    db
      .select({
        pathId: pathCoordinators.pathId,
        name: people.name,
        organization: pathCoordinators.organization,
        position: pathCoordinators.position,
      })
      .from(pathCoordinators)
      .innerJoin(people, eq(people.id, pathCoordinators.personId))
      .orderBy(asc(pathCoordinators.position)),
  ]);
  return pathRows.map((p) => ({
    slug: p.slug,
    title: p.title,
    description: p.description,
    coordinators: coordRows.filter((c) => c.pathId === p.id).map((c) => ({ name: c.name, organization: c.organization })),
  }));
}

import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Some columns of one table under their own names, for a `select`:
 * `db.select(pick(registrations, 'id', 'name', 'email'))` is
 * `db.select({ id: registrations.id, name: registrations.name, email: registrations.email })`.
 * Spread it (`{ ...pick(events, 'slug', 'title'), eventId: events.id }`) beside renamed or computed columns.
 */
export function pick<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  ...names: K[]
): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(names.map((n) => [n, all[n]])) as Pick<T['_']['columns'], K>;
}

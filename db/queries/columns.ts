import { getTableColumns, type SQL, type Table } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '../client';

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

/**
 * The value of one column in the row of its table where `where` holds, or null when there is none:
 * `firstValue(questions.sessionId, eq(questions.id, id))`. For lookups by a unique key.
 */
export async function firstValue<C extends PgColumn>(column: C, where: SQL | undefined): Promise<C['_']['data'] | null> {
  const db = await getDb();
  const [row] = await db.select({ value: column as PgColumn }).from(column.table).where(where);
  return (row?.value ?? null) as C['_']['data'] | null;
}

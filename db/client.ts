import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { DomainError } from '@/lib/errors';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface DbHandle {
  db: Db;
  driver: 'postgres' | 'pglite';
  close: () => Promise<void>;
}

export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseStartError';
  }
}

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const FUNCTIONS = path.join(process.cwd(), 'db', 'functions');

/**
 * The current source of every SQL function (db/functions/*.sql, in the order of their names):
 * applied after the migrations, at every start, in one transaction. Each file is made of
 * `CREATE OR REPLACE FUNCTION` statements only, so applying them again changes nothing
 * (db/functions/README.md). The migrations keep the history; these files say what runs.
 */
export function functionSources(): { file: string; sql: string }[] {
  return readdirSync(FUNCTIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => ({ file, sql: readFileSync(path.join(FUNCTIONS, file), 'utf8') }));
}

/** All of db/functions as one script (one implicit transaction when sent as one simple query). */
function functionsScript(): string {
  return functionSources()
    .map((f) => `-- db/functions/${f.file}\n${f.sql}`)
    .join('\n;\n');
}

/**
 * Settings of every pooled Postgres connection. Custom plans: Postgres caches the plans of
 * prepared statements, foreign-key checks included, and after a few runs may keep a generic one
 * made while a table was nearly empty. On a new database, the check behind each seat and each
 * outbox mail (`registrations.id = $1`) then seq-scanned `registrations` for every row written:
 * measured 55 million rows read for 6,000 registrations, and 3 times fewer registrations per
 * second, in about one run out of four. Planning each statement costs a few tens of µs.
 */
export const CONNECTION_SETTINGS = { plan_cache_mode: 'force_custom_plan' } as const;

/**
 * The SQLSTATE of a database error, whichever driver raised it: postgres.js puts it on the error,
 * Drizzle wraps PGlite's (and its own queries') errors and keeps the original as `cause`.
 */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Errors that say the database cannot be reached right now (stopped, restarting, unreachable), not
 * that it refused a statement: postgres.js's connection errors, the socket's, and SQLSTATE class
 * 08 (connection exception) or 57P01–57P03 (shut down by an administrator, crashed, starting).
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether `err` (or what it wraps) is the database being unreachable (docs/architecture.md, "Faults"). */
export function databaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  return false;
}

/**
 * The refusal a request gets for `err`, in the one place every way in asks (server/http/endpoint.ts,
 * server/http/registrations.ts, server/actions/form-action.ts, server/realtime/core.ts): a
 * `DomainError` as it is; the database unreachable: `503 unavailable`, at once, rather than a 500
 * or no answer; anything else: undefined (a bug: the caller's 500).
 */
export function refusalOf(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (databaseUnreachable(err)) return new DomainError(503, 'unavailable', 'The service is briefly unavailable (its database cannot be reached): try again in a few seconds.');
  return undefined;
}

/** Hide the password when an URL is shown in a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Open the database: postgres.js when `databaseUrl` is set, embedded PGlite under `dataDir`
 * otherwise. The same Drizzle schema and the same committed migrations serve both.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  migrate?: boolean;
  poolSize?: number;
}): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      // While Postgres is unreachable, a request is refused (503 `unavailable`) within 5 s rather
      // than left waiting (docs/architecture.md, "Faults"): a connection attempt gives up after 3 s,
      // and the next one waits at most 0.5 s. (postgres.js's own back-off grows to 20 s after a few
      // failures, shared by the whole pool: asks then waited that long before even trying.)
      connect_timeout: 3,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
      connection: CONNECTION_SETTINGS,
    });
    const db = drizzlePostgres(client, { schema });
    try {
      await db.execute(sql`select 1`);
    } catch (err) {
      await client.end({ timeout: 1 }).catch(() => {});
      throw new DatabaseStartError(
        `Cannot connect to DATABASE_URL (${redactUrl(opts.databaseUrl)}): ${(err as Error).message}`,
      );
    }
    if (opts.migrate !== false) {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      // Several app processes may start together: serialise migrations with an advisory lock
      // held on one reserved connection while the migrator runs on the pool.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(727274)`;
        await migrate(db, { migrationsFolder: MIGRATIONS });
        // Under the same lock: two processes replacing one function at once would fail
        // ("tuple concurrently updated").
        await lock.unsafe(functionsScript());
      } finally {
        await lock`select pg_advisory_unlock(727274)`.catch(() => {});
        lock.release();
      }
    }
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }

  const dir = path.resolve(opts.dataDir, 'pglite');
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  let client: InstanceType<typeof PGlite>;
  try {
    mkdirSync(dir, { recursive: true });
    // `unaccent` for full-text search (db/migrations/0009_search.sql).
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    client = await PGlite.create(dir, { extensions: { unaccent } });
  } catch (err) {
    throw new DatabaseStartError(`Cannot open the embedded database in ${dir}: ${(err as Error).message}`);
  }
  const db = drizzlePglite(client, { schema });
  if (opts.migrate !== false) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const script = functionsScript();
    await client.transaction((tx) => tx.exec(script));
  }
  return { db: db as unknown as Db, driver: 'pglite', close: () => client.close() };
}

// ------------------------------------------------------------------ process-wide handle
// The Node server (loaded by tsx) and Next's compiled route code are two module graphs in one
// process: the handle lives on globalThis so both use the same pool (PGlite allows one owner).

const g = globalThis as unknown as { __cheminsDb?: Promise<DbHandle> };

export function setDatabase(handle: Promise<DbHandle>): void {
  g.__cheminsDb = handle;
}

export async function getDbHandle(): Promise<DbHandle> {
  if (!g.__cheminsDb) {
    // Lazily opened only when no server set it up (scripts, `next dev` without the custom server).
    g.__cheminsDb = openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: process.env.DATA_DIR || './.data',
    });
  }
  return g.__cheminsDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

const dialect = new PgDialect();

/**
 * Run one statement whose text never changes as a named prepared statement: on Postgres it is
 * parsed once per connection and takes one round trip. (Drizzle's queries are unnamed, and for
 * an unnamed statement with parameters postgres.js first asks Postgres for their types: two
 * round trips each time.) Keep it for hot statements with a fixed text: every distinct text
 * stays prepared on every connection. PGlite runs the statement as usual.
 */
export async function executePrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: { unsafe?: unknown; begin?: unknown } }).$client;
  if (client && typeof client.unsafe === 'function' && typeof client.begin === 'function') {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (client as unknown as postgres.Sql).unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>;
  }
  const res = await db.execute(query);
  return (Array.isArray(res) ? res : (res as unknown as { rows: T[] }).rows) as T[];
}

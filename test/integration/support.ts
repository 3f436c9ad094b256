import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, setDatabase } from '@/db/client';

export function requireEnv(name: 'DATABASE_URL' | 'REDIS_URL'): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the suite with \`npm run test:all\`, which starts real services on 127.0.0.1.`);
  return v;
}

/** A fresh database on the real Postgres server of DATABASE_URL, dropped by `drop()`. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = requireEnv('DATABASE_URL');
  const name = `chemins_it_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type Driver = 'postgres' | 'pglite';

/** Open a fresh database of the given kind, install it as the process-wide handle. */
export async function useFreshDatabase(driver: Driver) {
  if (driver === 'postgres') {
    const pg = await freshPostgres();
    const handle = await openDatabase({ databaseUrl: pg.url, dataDir: 'unused' });
    setDatabase(Promise.resolve(handle));
    return {
      handle,
      url: pg.url,
      close: async () => {
        await handle.close();
        await pg.drop();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-pglite-'));
  const handle = await openDatabase({ dataDir: dir });
  setDatabase(Promise.resolve(handle));
  return {
    handle,
    url: null,
    /** Where PGlite keeps its files (to reopen the same database, as after a restart). */
    dataDir: dir,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

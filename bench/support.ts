// Shared by the benchmarks: a free loopback port, the built app started on it, and a TypeScript
// server script (the realtime server alone, a bare baseline) started in its own process.
import { type ChildProcess, execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { openDatabase, setDatabase } from '@/db/client';
import { seed } from '@/db/seed';
import { PRODUCTION_NODE_FLAGS } from '@/server/node-flags';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * How the server is run: compiled (`dist/server/index.mjs`, as in production) or from its
 * TypeScript sources with tsx, both with the production server's flags (its heap limit), so that
 * they differ only in that.
 */
export const SERVER_COMMAND = {
  compiled: [...PRODUCTION_NODE_FLAGS, 'dist/server/index.mjs'],
  tsx: [...PRODUCTION_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'],
} as const;

/** The built app (`npm run build` first) on a free port, or the one at BENCH_URL. */
export async function startApp(
  env: Record<string, string> = {},
  server: keyof typeof SERVER_COMMAND = 'compiled',
): Promise<{ url: string; stop: () => void; pid: number }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, stop: () => {}, pid: 0 };
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_COMMAND[server]], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: 'bench-secret-0123456789', BADGE_KEY_SECRET: 'bench-badge-key-secret-0123456789abcdef', LOG_LEVEL: 'warn', LIVEKIT_AUTOSTART: '0', MAIL_POLL_MS: '600000', REDIS_URL: '', RATE_LIMIT_WRITES_PER_ADDRESS: '0', RATE_LIMIT_REGISTRATIONS_PER_ADDRESS: '0', RATE_LIMIT_REGISTRATIONS_PER_EMAIL: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, stopped as a whole, also when the benchmark ends early
  });
  const onExit = () => stop();
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    process.off('exit', onExit);
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', onExit);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 2400; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, stop: () => stop(), pid: child.pid! };
    await new Promise((r) => setTimeout(r, 25));
  }
  stop('SIGKILL');
  throw new Error('the app did not start (did you run `npm run build`?)');
}

/** The p-th percentile (nearest rank) of sorted values. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export type Proc = { url: string; child: ChildProcess };

/**
 * A server script run with tsx that prints `listening <port>` (server/realtime/process.ts, a bare
 * baseline); `cpus` pins it (`taskset -c`, which execs node: the pid is node's), `nodeArgs` go to node.
 */
export function startListening(script: string, env: Record<string, string>, opts: { cpus?: string; nodeArgs?: string[] } = {}): Promise<Proc> {
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', script];
  const child = opts.cpus ? spawn('taskset', ['-c', opts.cpus, process.execPath, ...args], spawnOpts(env)) : spawn(process.execPath, args, spawnOpts(env));
  return listening(script, child);
}

const spawnOpts = (env: Record<string, string>): SpawnOptions => ({ env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });

function listening(script: string, child: ChildProcess): Promise<Proc> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, child });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
}

/** The CPUs a process may run on and the one it last ran on (`/proc/<pid>/status`, `ps -o psr`). */
export function cpusOf(pid: number): string {
  const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
  const psr = execFileSync('ps', ['-o', 'psr=', '-p', String(pid)]).toString().trim();
  return `pid ${pid}: allowed CPUs ${allowed}, last ran on ${psr}`;
}

/** A process's resident memory (MB). */
export const rssMb = (pid: number) => Number(/VmRSS:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/**
 * A fresh database on the Postgres of `databaseUrl`, migrated and seeded with the demo, for one
 * benchmark run: its URL, a small client on it, and `drop()` (closes the client, drops the database).
 */
export async function seededBenchDatabase(databaseUrl: string, name: string) {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const dbName = `chemins_bench_${name}_${Date.now()}`;
  await admin.unsafe(`create database ${dbName}`);
  const url = Object.assign(new URL(databaseUrl), { pathname: `/${dbName}` }).toString();
  const handle = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
  await seed(handle.db);
  await handle.close();
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const drop = async () => {
    await sql.end();
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  };
  return { url, sql, drop };
}

/**
 * An empty database of one benchmark (`<database>_<name>_bench` on the Postgres of `DATABASE_URL`),
 * migrated and set as the app's database: its client (`db`), whether a database kept from a former
 * run was reused as it is (`kept`, only with `keep`), and `done()` (closes the client, drops the
 * database unless `keep`).
 */
export async function emptyBenchDatabase(name: string, { keep = false } = {}) {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must name a Postgres server (the bench makes a database of its own on it).');
  const base = new URL(process.env.DATABASE_URL);
  const dbName = `${base.pathname.slice(1) || 'chemins'}_${name}_bench`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  const kept = keep && (await admin.unsafe(`select 1 from pg_database where datname = '${dbName}'`)).length > 0;
  if (!kept) {
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.unsafe(`create database "${dbName}"`);
  }
  const handle = await openDatabase({ databaseUrl: Object.assign(new URL(base), { pathname: `/${dbName}` }).toString(), dataDir: 'unused' });
  setDatabase(Promise.resolve(handle));
  const done = async () => {
    await handle.close();
    if (!keep) await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  };
  return { db: handle.db, kept, done };
}

/** A plenary of the demo edition live now (started ten minutes ago, for two hours), by its slug: its id. */
export async function liveBenchSession(sql: postgres.Sql, slug: string): Promise<string> {
  const [session] = await sql<{ id: string }[]>`
    insert into programme_sessions (event_id, slug, title, kind, mode, starts_at, ends_at)
    select id, ${slug}, 'Bench', 'plenary', 'hybrid', now() - interval '10 minutes', now() + interval '2 hours'
    from events where slug = 'edition-demo'
    returning id`;
  return session!.id;
}

/** `n` registrants of an event, each with a join token (their personal link's): the tokens. */
export async function benchJoinTokens(sql: postgres.Sql, eventId: string, n: number): Promise<string[]> {
  const rows = await sql<{ join_token: string }[]>`
    insert into registrations (event_id, name, email, join_token, consent_at)
    select ${eventId}, 'Bench ' || g, 'bench-' || g || '@bench.test', md5(random()::text || g) || md5(g::text), now()
      from generate_series(1, ${n}) g
    returning join_token`;
  return rows.map((r) => r.join_token);
}

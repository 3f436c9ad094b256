import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { freePort } from '../support/free-port';

// The fault suites' own services (docs/architecture.md, "Faults"): a Postgres, a Redis and a LiveKit
// started by the test on free loopback ports, which it stops, kills and restarts; never the shared
// ones (DATABASE_URL, REDIS_URL, LIVEKIT_URL), nor CI's.

const run = promisify(execFile);

/** Wait until `check` holds, polling (no fixed sleep). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const asRoot = process.getuid?.() === 0;

/** Run a Postgres binary, as the `postgres` user when the tests run as root (initdb refuses root). */
function pgRun(bin: string, args: string[]) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  if (!versions.length) throw new Error('no Postgres under /usr/lib/postgresql (scripts/test-all.sh installs it)');
  return path.join(root, versions.at(-1)!, 'bin');
}

export type OwnPostgres = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/** A throw-away Postgres cluster on a free port of 127.0.0.1, as scripts/test-all.sh starts CI's. */
export async function startPostgres(): Promise<OwnPostgres> {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-fault-pg-'));
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), 0);
  const port = await freePort();
  await pgRun(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'chemins', '--no-sync', '-E', 'UTF8']);
  // synchronous_commit stays on (the default): a commit is acknowledged once in the WAL, which an
  // immediate stop keeps; fsync=off only risks what the machine's own crash would lose.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    await pgRun(path.join(bin, 'pg_ctl'), ['-D', dir, '-l', path.join(dir, 'log'), '-w', '-o', options, 'start']);
  };
  // `immediate`: as a crash or a pulled cable would, without closing the connections politely.
  const stop = async () => {
    await pgRun(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
  };
  await start();
  await pgRun(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'chemins', 'chemins']);
  return {
    url: `postgres://chemins@127.0.0.1:${port}/chemins`,
    port,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** SIGKILL a child process, as a failing machine would, and wait until it is gone. */
async function killed(c: ChildProcess | null): Promise<void> {
  if (!c || c.exitCode !== null) return;
  const gone = new Promise((resolve) => c.once('exit', resolve));
  c.kill('SIGKILL');
  await gone;
}

export type OwnRedis = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/** A throw-away Redis on a free port of 127.0.0.1 (no persistence: a restart starts empty). */
export async function startRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const ping = async () => {
    const c = createClient({ url, socket: { reconnectStrategy: false } });
    c.on('error', () => {});
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      if (c.isOpen) await c.quit().catch(() => {});
    }
  };
  const start = async () => {
    child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(ping, 20_000, `redis on ${port}`);
  };
  // Redis goes away at once, as when its machine fails.
  const stop = () => killed(child);
  await start();
  return { url, port, stop, start, destroy: stop };
}

/**
 * What a fault scenario measured (acknowledged, lost, refusal times…): one JSON line appended to
 * the file of CHAOS_REPORT when set (bench/chaos/run.ts prints them), nothing otherwise.
 */
export function reportFigures(scenario: string, figures: Record<string, number | string>): void {
  const file = process.env.CHAOS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ scenario, ...figures })}\n`);
}

/**
 * A tiny TCP load balancer on a free loopback port, as production puts in front of several
 * processes: each connection goes to the next backend in turn, and to the one after when that one
 * refuses (a killed process). Clients given its one address move to a live process by reconnecting.
 */
export async function tcpBalancer(backends: number[]): Promise<{ url: string; close: () => Promise<void> }> {
  let next = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const attempt = (tries: number) => {
      if (tries >= backends.length) return client.destroy();
      const port = backends[next++ % backends.length]!;
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      upstream.on('error', () => (connected ? client.destroy() : attempt(tries + 1)));
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.once('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.once('close', () => upstream.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export type OwnLivekit = { url: string; key: string; secret: string; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/**
 * A throw-away LiveKit server on free loopback ports (signal and RTC over TCP; its UDP range apart
 * from CI's), its webhooks sent to `webhookUrl`, as scripts/test-all.sh configures CI's; on the
 * Redis of `redisUrl` when given. `media`: it offers loopback candidates, as CI's does, so that a
 * browser on this machine sends and receives media through it (e2e/livekit-restart.spec.ts).
 */
export async function startLivekit(webhookUrl: string, redisUrl?: string, opts: { media?: boolean } = {}): Promise<OwnLivekit> {
  const [port, tcp] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-fault-lk-'));
  const key = 'chemins-fault';
  const secret = 'chemins-fault-secret-0123456789abcdefghijklmnop';
  const udp = 53000 + (port % 50) * 20;
  const file = path.join(dir, 'livekit.yaml');
  writeFileSync(
    file,
    [
      `port: ${port}`,
      'bind_addresses: ["127.0.0.1"]',
      'rtc:',
      `  tcp_port: ${tcp}`,
      `  port_range_start: ${udp}`,
      `  port_range_end: ${udp + 19}`,
      '  use_external_ip: false',
      '  node_ip: 127.0.0.1',
      ...(opts.media ? ['  enable_loopback_candidate: true'] : []),
      'keys:',
      `  ${key}: ${secret}`,
      'webhook:',
      `  api_key: ${key}`,
      `  urls: ["${webhookUrl}"]`,
      'logging:',
      '  level: warn',
      // Egress (and so `listEgress`) needs LiveKit on Redis, as in production with recordings.
      ...(redisUrl ? ['redis:', `  address: ${new URL(redisUrl).host}`] : []),
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('livekit-server', ['--config', file], { stdio: 'ignore' });
    await waitFor(async () => (await fetch(url)).ok, 30_000, `livekit on ${port}`);
  };
  // No webhook is sent for the rooms and people it had.
  const stop = () => killed(child);
  await start();
  return {
    url,
    key,
    secret,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

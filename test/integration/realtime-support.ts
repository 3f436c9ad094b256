import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/protocol';
import { attachRealtime, type Realtime } from '@/server/realtime';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The realtime server alone (no Next) on an ephemeral loopback port. */
export async function startRealtime(redisUrl?: string): Promise<{ url: string; http: Server; rt: Realtime }> {
  const http = createServer();
  const rt = await attachRealtime(http, { redisUrl });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, http, rt };
}

/**
 * `guest`: a guest id claimed at the handshake (`auth: { guest }`), as browsers once sent it: the
 * server no longer trusts it (a guest's identity is the signed `chemins-guest` cookie), tests use
 * it as an attacker would.
 */
export function client(url: string, opts: { cookie?: string; token?: string; guest?: string; reconnection?: boolean } = {}): Promise<Client> {
  const socket: Client = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined,
    auth: opts.token ? { token: opts.token } : opts.guest ? { guest: opts.guest } : undefined,
    forceNew: true,
    reconnection: opts.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emit a command and wait for its ack (typed loosely on purpose: bad payloads are tested too). */
export function send<T>(socket: Client, event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return (socket as unknown as { timeout: (ms: number) => { emitWithAck: (e: string, p: unknown) => Promise<Ack<T>> } })
    .timeout(timeoutMs)
    .emitWithAck(event, payload);
}

/** Send a command that must succeed; returns its data. */
export async function ok<T>(socket: Client, event: string, payload: unknown, timeoutMs?: number): Promise<T> {
  const res = await send<T>(socket, event, payload, timeoutMs);
  if (!res.ok) throw new Error(`${event} refused: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Resolve with the first event `name` whose payload satisfies `pred`. */
export function nextEvent<T>(socket: Client, name: string, pred: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  const s = socket as unknown as { on: (e: string, f: (p: T) => void) => void; off: (e: string, f: (p: T) => void) => void };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(name, on);
      reject(new Error(`no ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      s.off(name, on);
      resolve(p);
    };
    s.on(name, on);
  });
}

/** Collect every event `name` from now on. */
export function collect<T>(socket: Client, name: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on: (e: string, f: (p: T) => void) => void }).on(name, (p) => seen.push(p));
  return seen;
}

/** Wait until `check` holds (polling, no fixed sleep in the assertion path). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type Proc = { port: number; url: string; child: ChildProcess; exited: Promise<void> };

/** A real server process (server/realtime/process.ts) on 127.0.0.1. */
export function spawnServer(env: { DATABASE_URL: string; REDIS_URL?: string; PORT?: number }): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/realtime/process.ts'], {
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL ?? '', PORT: String(env.PORT ?? 0), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line);
      if (m) resolve({ port: Number(m[1]), url: `http://127.0.0.1:${m[1]}`, child, exited });
    });
    child.once('exit', (code) => reject(new Error(`server process exited early (${code})`)));
  });
}

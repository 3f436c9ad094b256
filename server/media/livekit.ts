import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { AccessToken, RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';
import type { Config } from '@/lib/config';
import { logger } from '@/lib/logger';

export type LivekitSettings = {
  /** http(s) URL for the server API (RoomServiceClient). */
  apiUrl: string;
  /** ws(s) URL given to browsers. */
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
  source: 'env' | 'dev-autostart';
};

const g = globalThis as unknown as {
  __cheminsLivekit?: { settings: LivekitSettings | null; child: ChildProcess | null };
};

const toHttp = (u: string) => u.replace(/^ws(s?):\/\//, 'http$1://');
const toWs = (u: string) => u.replace(/^http(s?):\/\//, 'ws$1://');

function onPath(binary: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

async function reachable(apiUrl: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(apiUrl, { signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Decide where video lives: the LIVEKIT_* variables when set; otherwise a `livekit-server`
 * binary on PATH, started in --dev mode on 127.0.0.1 (dev keys); otherwise not configured.
 */
export async function setupLivekit(c: Config): Promise<LivekitSettings | null> {
  if (c.LIVEKIT_URL && c.LIVEKIT_API_KEY && c.LIVEKIT_API_SECRET) {
    const settings: LivekitSettings = {
      apiUrl: toHttp(c.LIVEKIT_URL),
      publicUrl: c.LIVEKIT_PUBLIC_URL ? toWs(c.LIVEKIT_PUBLIC_URL) : toWs(c.LIVEKIT_URL),
      apiKey: c.LIVEKIT_API_KEY,
      apiSecret: c.LIVEKIT_API_SECRET,
      source: 'env',
    };
    g.__cheminsLivekit = { settings, child: null };
    return settings;
  }
  let child: ChildProcess | null = null;
  let settings: LivekitSettings | null = null;
  const binary = c.LIVEKIT_AUTOSTART === '1' && c.NODE_ENV !== 'production' ? onPath('livekit-server') : null;
  if (binary) {
    const devUrl = 'http://127.0.0.1:7880';
    settings = { apiUrl: devUrl, publicUrl: toWs(devUrl), apiKey: 'devkey', apiSecret: 'secret', source: 'dev-autostart' };
    if (await reachable(devUrl)) {
      logger().info('LiveKit: reusing the dev server already listening on 127.0.0.1:7880 (keys devkey/secret)');
    } else {
      // Webhooks to this app (attendance, live state), signed with the dev key.
      const webhook = `webhook:\n  api_key: devkey\n  urls:\n    - http://127.0.0.1:${c.PORT}/api/livekit/webhook\n`;
      child = spawn(binary, ['--dev', '--bind', '127.0.0.1', '--node-ip', '127.0.0.1', '--config-body', webhook], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (d: Buffer) => logger().debug({ livekit: d.toString().trim() }, 'livekit-server'));
      child.on('exit', (code) => logger().warn({ code }, 'livekit-server (dev) exited'));
      for (let i = 0; i < 50 && !(await reachable(devUrl, 300)); i++) await new Promise((r) => setTimeout(r, 100));
      logger().info('LiveKit: started livekit-server --dev on 127.0.0.1:7880');
    }
  } else {
    logger().warn(`LiveKit is not configured: video rooms will say so. ${livekitAdvice(c, onPath('livekit-server') !== null)}`);
  }
  g.__cheminsLivekit = { settings, child };
  return settings;
}

/** What to do when video is not configured: the advice depends on why the dev autostart did not apply. */
export function livekitAdvice(c: Pick<Config, 'NODE_ENV' | 'LIVEKIT_AUTOSTART'>, binaryOnPath: boolean): string {
  const env = 'set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to a LiveKit server (deploy/livekit.yaml is a starting point)';
  if (c.NODE_ENV === 'production') {
    return binaryOnPath
      ? `In production the app does not start livekit-server itself, although it is on PATH: run it as a service with a config and ${env}.`
      : `To enable video, ${env}.`;
  }
  if (c.LIVEKIT_AUTOSTART !== '1') return `LIVEKIT_AUTOSTART=0 keeps the dev server from starting livekit-server: set it to 1, or ${env}.`;
  return `To enable video, put a livekit-server binary on PATH (the dev server then starts it in --dev mode), or ${env}.`;
}

export function livekitSettings(): LivekitSettings | null {
  return g.__cheminsLivekit?.settings ?? null;
}

export async function livekitHealth(): Promise<'ok' | 'not-configured' | 'down'> {
  const s = livekitSettings();
  if (!s) return 'not-configured';
  try {
    const svc = new RoomServiceClient(s.apiUrl, s.apiKey, s.apiSecret);
    await Promise.race([
      svc.listRooms(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** A short-lived access token for one room. `toJwt()` is async. */
export async function mintToken(opts: {
  identity: string;
  name: string;
  room: string;
  grant: Omit<VideoGrant, 'room' | 'roomJoin'>;
  ttlSeconds?: number;
  /** Participant attributes only the server sets (the participant may not update its own). */
  attributes?: Record<string, string>;
}): Promise<string> {
  const s = livekitSettings();
  if (!s) throw new Error('LiveKit is not configured');
  const at = new AccessToken(s.apiKey, s.apiSecret, {
    identity: opts.identity,
    name: opts.name,
    ttl: opts.ttlSeconds ?? 10 * 60,
  });
  at.addGrant({ room: opts.room, roomJoin: true, ...opts.grant });
  if (opts.attributes) at.attributes = opts.attributes;
  return at.toJwt();
}

export function stopLivekit(): void {
  g.__cheminsLivekit?.child?.kill('SIGTERM');
}

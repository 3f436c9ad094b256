import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect } from '@playwright/test';
import { PRODUCTION_NODE_FLAGS } from '../../server/node-flags';
import { freePort } from '../../test/support/free-port';

/**
 * The built server (`dist/server/index.mjs`, what `npm start` runs) started by a spec for itself,
 * apart from the suite's (another configuration: no SMTP, its own LiveKit…), on a free loopback
 * port (or `port`) with its own embedded database in `dataDir` (removed by `stop`).
 */
export type OwnServer = { base: string; port: number; output: () => string; stop: () => Promise<void> };

export async function startOwnServer(env: Record<string, string>, dataDir: string, port?: number): Promise<OwnServer> {
  const p = port ?? (await freePort());
  const base = `http://127.0.0.1:${p}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, 'dist/server/index.mjs'] /* what npm start runs */, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      PORT: String(p),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef',
      BADGE_KEY_SECRET: 'e2e-badge-key-secret-0123456789abcdef',
      LIVEKIT_AUTOSTART: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await expect
      .poll(
        async () => {
          if (server.exitCode !== null) throw new Error(`the server stopped (${server.exitCode}):\n${output}`);
          return fetch(`${base}/api/health`).then((r) => r.status, () => 0);
        },
        { timeout: 200_000, intervals: [500] },
      )
      .toBe(200);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, port: p, output: () => output, stop };
}

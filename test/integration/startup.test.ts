import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { requireEnv } from './support';

/** Start the real server entry with an environment and collect how it ends. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'development', PORT: '0', SEED_DEMO: '0', LIVEKIT_AUTOSTART: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up refuses a bad configuration with a message naming the variable', () => {
  it('a malformed DATABASE_URL', async () => {
    const r = await start({ DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).toContain('postgres://');
  });

  it('a DATABASE_URL whose database does not exist', async () => {
    const url = new URL(requireEnv('DATABASE_URL'));
    url.pathname = '/chemins_does_not_exist';
    url.password = 'hidden-password';
    const r = await start({ DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot connect to DATABASE_URL .*chemins_does_not_exist/);
    expect(r.stderr).not.toContain('hidden-password');
  });

  it('REDIS_URL without DATABASE_URL (PGlite cannot be shared by several processes)', async () => {
    const r = await start({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL: is required when REDIS_URL is set');
  });

  it('several bad values at once are all named', async () => {
    const r = await start({ PORT: 'eighty', LOG_LEVEL: 'loud', ADMIN_EMAILS: 'a@b.org, nonsense' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT: must be a port number');
    for (const v of ['LOG_LEVEL', 'ADMIN_EMAILS']) expect(r.stderr).toContain(`${v}:`);
  });

  it('production without BADGE_KEY_SECRET (it encrypts the badge issuers’ keys)', async () => {
    const r = await start({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BADGE_KEY_SECRET: is required in production');
  });

  it('LiveKit settings given only in part', async () => {
    const r = await start({ LIVEKIT_URL: 'http://127.0.0.1:7880' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LIVEKIT_URL: LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together');
  });
});

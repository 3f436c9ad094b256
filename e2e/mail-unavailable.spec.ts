import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RUN_ID } from './support/helpers';

// Production without SMTP_URL (issue 34, item 2): the built server starts, says at start-up that
// no mail can leave, `/api/health` answers `mail: "unavailable"`, the sign-in page says mail is not
// configured instead of blaming a link, and registration promises no e-mail. A server of its own
// (the suite's has SMTP), on a free loopback port, with its own embedded database.

test.use({ viewport: { width: 390, height: 844 } });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let server: ChildProcess | undefined;
let base = '';
let output = '';
const dataDir = path.resolve(`.test-data/e2e-nomail-${RUN_ID}`);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--enable-source-maps', 'dist/server/index.mjs'] /* what npm start runs */, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef',
      BADGE_KEY_SECRET: 'e2e-badge-key-secret-0123456789abcdef',
      LIVEKIT_AUTOSTART: '0',
      LOG_LEVEL: 'warn',
      // No SMTP_URL: the point of this spec.
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(
      async () => {
        if (server!.exitCode !== null) throw new Error(`the server stopped (${server!.exitCode}):\n${output}`);
        return fetch(`${base}/api/health`).then((r) => r.status, () => 0);
      },
      { timeout: 200_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('production start-up without mail: a warning, /api/health says mail is unavailable, the pages say so', async ({ page, browser }) => {
  // Start-up said it, as a warning (pino's level 40) naming the variable.
  const warning = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; mail?: string })
    .find((l) => l.mail === 'unavailable');
  expect(warning?.level).toBe(40);
  expect(warning?.msg).toContain('SMTP_URL is not set');

  // Health keeps its shape, with the mail field: the app serves, so its status stays ok.
  const health = await (await fetch(`${base}/api/health`)).json();
  expect(health).toEqual({ status: 'ok', db: 'ok', realtime: 'ok', livekit: 'not-configured', mail: 'unavailable' });

  // Sign-in: no form that would send nothing, and no blame on a link, even back from next-auth's error.
  for (const url of ['/signin', '/signin?error=EmailSignin']) {
    await page.goto(`${base}${url}`);
    await expect(page.getByTestId('mail-unavailable')).toContainText('L’envoi d’e-mails n’est pas configuré sur ce serveur');
    await expect(page.getByLabel('Adresse e-mail')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('Le lien a peut-être expiré');
  }

  // Registration: no promise of an e-mail, before or after.
  await page.goto(`${base}/events/edition-demo/register`);
  await expect(page.locator('main')).toContainText('aucun e-mail ne vous sera envoyé');
  await expect(page.locator('main')).not.toContainText('vous est envoyé par e-mail');
  await page.getByLabel('Nom', { exact: true }).fill('Sans Courrier');
  await page.getByLabel('Adresse e-mail').fill(`sans-courrier-${RUN_ID}@chemins.test`);
  await page.getByLabel(/J’accepte/).check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
  const status = page.locator('main').getByRole('status').first();
  await expect(status).toContainText('L’envoi d’e-mails n’est pas configuré sur ce serveur');
  await expect(page.locator('main')).not.toContainText('un e-mail de confirmation arrive');
  await expect(page.getByTestId('registration')).toContainText('Sans Courrier');
  await expect(page.locator('main')).not.toContainText('depuis l’e-mail');

  // The same address typed again elsewhere: nothing changes, and no link is said to be mailed.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(`${base}/events/edition-demo/register`);
  await elsewhere.getByLabel('Nom', { exact: true }).fill('Quelqu’un');
  await elsewhere.getByLabel('Adresse e-mail').fill(`sans-courrier-${RUN_ID}@chemins.test`);
  await elsewhere.getByLabel(/J’accepte/).check();
  await elsewhere.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(elsewhere.getByRole('heading', { name: 'Adresse déjà inscrite' })).toBeVisible();
  await expect(elsewhere.locator('main')).toContainText('aucun lien ne lui a donc été envoyé');
  await expect(elsewhere.locator('main')).not.toContainText('renvoyé par e-mail');
  await elsewhere.context().close();
});

import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RUN_ID } from './support/helpers';
import { type OwnServer, startOwnServer } from './support/own-server';

// Production without SMTP_URL (issue 34, item 2): the built server starts, says at start-up that
// no mail can leave, `/api/health` answers `mail: "unavailable"`, the sign-in page says mail is not
// configured instead of blaming a link, and registration promises no e-mail. A server of its own
// (the suite's has SMTP), on a free loopback port, with its own embedded database.

test.use({ viewport: { width: 390, height: 844 } });

let server: OwnServer | undefined;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // No SMTP_URL: the point of this spec.
  server = await startOwnServer({}, path.resolve(`.test-data/e2e-nomail-${RUN_ID}`));
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
});

test('production start-up without mail: a warning, /api/health says mail is unavailable, the pages say so', async ({ page, browser }) => {
  // Start-up said it, as a warning (pino's level 40) naming the variable.
  const warning = server!
    .output()
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

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIRequestContext, chromium, expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import { baseURL, chromiumArgs } from '../playwright.config';
import { signInWithMagicLink } from './support/helpers';

/** A Y4M video (what Chromium's fake camera plays) showing the QR code of `text`. */
function qrVideo(text: string): string {
  const W = 640;
  const H = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(400 / (n + 8));
  const x0 = Math.floor((W - n * scale) / 2);
  const y0 = Math.floor((H - n * scale) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + r * scale + dy) * W + x0 + c * scale, (y0 + r * scale + dy) * W + x0 + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'chemins-qr-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

const PHONE = { width: 390, height: 844 };

/** A registration by the public API, to one session, with answers to the event's questions. */
async function registerWithNeeds(request: APIRequestContext, name: string) {
  const sessions = (await (await request.get('/api/events/edition-demo/sessions')).json()) as { id: string; slug: string; title: string }[];
  const session = sessions.find((s) => s.slug === 'ouverture-en-direct')!;
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@chemins.test`,
      sessionIds: [session.id],
      // A chair: check-in is for on-site seats only (a hybrid session's seat is online unless said).
      modes: { [session.id]: 'onsite' },
      answers: { accessibilite: ['Accès en fauteuil', 'Sous-titrage'] },
      consent: true,
    },
  });
  expect(res.status()).toBe(201);
  return { joinToken: ((await res.json()) as { joinToken: string }).joinToken, session };
}

test('the check-in desk, on a phone: three states that look different, with the person’s sessions and needs', async ({ page, request }) => {
  await page.setViewportSize(PHONE);
  // Count the notes played (WebAudio): none until the sound is switched on.
  await page.addInitScript(() => {
    const w = window as unknown as { __notes: number };
    w.__notes = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__notes++;
      return create.call(this);
    };
  });
  const { joinToken, session } = await registerWithNeeds(request, 'Rosa Accueil');
  await signInWithMagicLink(page, 'organisatrice@chemins.test');
  // The dashboard's section leads to the desk.
  await page.goto('/organize/edition-demo#check-in');
  await page.getByTestId('open-checkin').click();
  await expect(page).toHaveURL(/\/organize\/edition-demo\/checkin$/);
  await expect(page.getByRole('heading', { level: 1, name: /Accueil à l’entrée/ })).toBeVisible();
  const sound = page.getByRole('checkbox', { name: 'Son à chaque passage' });
  await expect(sound).not.toBeChecked();
  const code = page.getByRole('textbox', { name: 'Code ou lien personnel' });
  await expect(code).toBeFocused();
  const card = page.getByTestId('arrival').locator('[data-state]');

  // 1. A first arrival, by the whole link pasted: a green status with a tick, the sessions and needs.
  await code.fill(`${baseURL}/r/${joinToken}`);
  await page.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
  const welcome = page.getByRole('status').filter({ hasText: 'Arrivée enregistrée' });
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('Bienvenue Rosa Accueil : arrivée enregistrée.');
  await expect(welcome).toHaveAttribute('data-state', 'welcome');
  await expect(welcome).toHaveClass(/bg-green-50/);
  await expect(welcome.locator('[aria-hidden="true"]')).toHaveText('✓');
  await expect(welcome.getByTestId('arrival-seats')).toContainText(session.title);
  await expect(welcome.getByTestId('arrival-answers')).toContainText('Besoins d’accessibilité');
  await expect(welcome.getByTestId('arrival-answers')).toContainText('Accès en fauteuil, Sous-titrage');
  const green = await welcome.evaluate((el) => getComputedStyle(el).backgroundColor);
  // Ready for the next person: the field is empty and focused again.
  await expect(code).toHaveValue('');
  await expect(code).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { __notes: number }).__notes)).toBe(0);
  // Nothing runs off the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // 2. The same code again, by its bare token, with the sound on: an amber alert, not a welcome.
  await sound.check();
  await code.fill(joinToken);
  await code.press('Enter');
  const already = page.getByRole('alert').filter({ hasText: 'Déjà enregistré·e' });
  await expect(already).toBeVisible();
  await expect(already).toContainText('Rosa Accueil est déjà enregistré·e.');
  await expect(already).toContainText('vérifiez qu’il s’agit bien de la même personne');
  await expect(already).toHaveAttribute('data-state', 'already');
  await expect(already).toHaveClass(/bg-amber-50/);
  await expect(already.locator('[aria-hidden="true"]')).toHaveText('!');
  await expect(already.getByTestId('arrival-answers')).toContainText('Accès en fauteuil');
  await expect(page.getByText('Arrivée enregistrée', { exact: true })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __notes: number }).__notes)).toBe(2);
  const amber = await already.evaluate((el) => getComputedStyle(el).backgroundColor);

  // 3. A code that matches nobody: a red alert that says what to do.
  await code.fill('pas-un-code');
  await code.press('Enter');
  const unknown = page.getByRole('alert').filter({ hasText: 'Aucune inscription' });
  await expect(unknown).toBeVisible();
  await expect(unknown).toContainText('sinon inscrivez la personne : page d’inscription');
  await expect(unknown.getByRole('link', { name: 'page d’inscription' })).toHaveAttribute('href', '/events/edition-demo/register');
  await expect(unknown).toHaveAttribute('data-state', 'unknown');
  await expect(unknown).toHaveClass(/bg-red-50/);
  await expect(unknown.locator('[aria-hidden="true"]')).toHaveText('✕');
  await expect(card).toHaveCount(1);
  const red = await unknown.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(new Set([green, amber, red]).size).toBe(3);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __notes: number }).__notes)).toBe(3);

  // The sound switch is remembered by this browser.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Son à chaque passage' })).toBeChecked();
});

test('the check-in desk is for the event’s organizers only', async ({ page }) => {
  await page.goto('/organize/edition-demo/checkin');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signInWithMagicLink(page, 'moderateur@chemins.test');
  await page.goto('/organize/edition-demo/checkin');
  await expect(page.getByRole('alert').filter({ hasText: 'Cette page est réservée à l’équipe d’organisation de l’événement.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Code ou lien personnel' })).toHaveCount(0);
});

test('the organizer checks a participant in at the desk by scanning the QR code of their personal link with the camera', async ({ request }) => {
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Quentin Scan', email: `quentin-${Date.now()}@chemins.test`, consent: true },
  });
  const { joinToken } = await res.json();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${qrVideo(`${baseURL}/r/${joinToken}`)}`],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: PHONE });
    const page = await context.newPage();
    await signInWithMagicLink(page, 'organisatrice@chemins.test');
    await page.goto('/organize/edition-demo/checkin');
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Bienvenue Quentin Scan : arrivée enregistrée.' })).toBeVisible({ timeout: 20_000 });
    // Scanning the same code again says so.
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Quentin Scan est déjà enregistré·e.' })).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
  }
});

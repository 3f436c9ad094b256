import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
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

test('the organizer checks a participant in by scanning the QR code of their personal link with the camera', async ({ request }) => {
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Quentin Scan', email: `quentin-${Date.now()}@chemins.test`, consent: true },
  });
  const { joinToken } = await res.json();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${qrVideo(`${baseURL}/r/${joinToken}`)}`],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await signInWithMagicLink(page, 'organisatrice@chemins.test');
    await page.goto('/organize/edition-demo#check-in');
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await expect(page.getByText('Bienvenue Quentin Scan : arrivée enregistrée.')).toBeVisible({ timeout: 20_000 });
    // Scanning the same code again says so.
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await expect(page.getByText('Quentin Scan est déjà enregistré·e.')).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
  }
});

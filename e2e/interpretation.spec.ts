import { type Browser, expect, type Page, test } from '@playwright/test';
import { closeOwnContexts, expectNoAxeViolation, expectNoSidewaysScroll, LIVE_SESSION, signInWithMagicLink } from './support/helpers';

// Interpretation channels and the pinned sign-language interpreter (issue 29), with the real
// LiveKit server and Chromium's fake camera and microphone, on 127.0.0.1: a listener chooses the
// English channel of the demo interpreter (subscribed and playing, the original lowered), a
// moderator pins a participant who stays large beside whoever speaks, late joiners included, on a
// phone too; the replay page's WebVTT form says the parser's reason for a malformed file.
test.describe.configure({ timeout: 240_000 });
test.afterEach(closeOwnContexts);

const STAGE_ROOM = `${LIVE_SESSION}/room`;
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.INTERPRETATION_SHOTS;

async function enterRoom(page: Page) {
  await page.goto(STAGE_ROOM);
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toHaveAttribute('data-connected', 'true', { timeout: 45_000 });
}

/** A signed-in demo person in the stage room, in a browser of their own. */
async function staff(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  await enterRoom(page);
  return page;
}

/** A registrant of the live session by personal link (no account), in the stage room. */
async function listener(browser: Browser, name: string, viewport = PHONE) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const session = sessions.find((s: { slug: string }) => s.slug === 'ouverture-en-direct');
  const res = await page.request.post('/api/events/edition-demo/registrations', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@chemins.test`, sessionIds: [session.id], consent: true },
  });
  expect(res.status()).toBe(201);
  const { id, joinToken } = (await res.json()) as { id: string; joinToken: string };
  await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(STAGE_ROOM)}`);
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toHaveAttribute('data-connected', 'true', { timeout: 45_000 });
  return { page, identity: `registration:${id}` };
}

/** What the page plays: each audio element of the stage, its channel, volume, and whether it plays a live track. */
const audioOf = (page: Page) =>
  page.$$eval('audio[data-testid="stage-audio"]', (els) =>
    (els as HTMLAudioElement[]).map((a) => ({
      channel: a.dataset.channel,
      identity: a.dataset.identity,
      volume: Math.round(a.volume * 100) / 100,
      playing: !a.paused && (a.srcObject as MediaStream | null)?.getAudioTracks().some((t) => t.readyState === 'live') === true,
    })),
  );

test('choosing the English channel subscribes to the interpreter’s track and lowers the original; the interpreter is no speaker’s tile', async ({ browser }) => {
  const speaker = await staff(browser, 'intervenante@chemins.test');
  const interpreter = await staff(browser, 'interpretation@chemins.test');
  await expect(interpreter.getByTestId('interpreting')).toHaveAttribute('data-lang', 'en');
  await expect(interpreter.getByRole('button', { name: 'Couper le micro' })).toBeVisible({ timeout: 20_000 });
  // Audio only: no camera nor screen for an interpreter who only interprets.
  await expect(interpreter.getByRole('button', { name: /Activer la caméra|Couper la caméra|Partager l’écran/ })).toHaveCount(0);

  const { page } = await listener(browser, 'Lou Écoute');
  await expect(page.getByTestId('tile').filter({ hasText: 'Intervenante' })).toHaveCount(1);
  await expect(page.getByTestId('tile').filter({ hasText: 'Interprète' })).toHaveCount(0);
  await expect(speaker.getByTestId('tile').filter({ hasText: 'Interprète' })).toHaveCount(0);

  // The original only, at full volume; the English channel is offered but not received.
  const chooser = page.getByLabel('Langue · Language');
  await expect(chooser).toBeVisible();
  await expect(chooser.locator('option')).toHaveText(['Version originale', 'Anglais (interprétation)']);
  await expect.poll(() => audioOf(page), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'original', volume: 1 })]));
  expect((await audioOf(page)).filter((a) => a.channel === 'en')).toEqual([]);
  // Entering was a gesture: audio may play (LiveKit's "start audio" button otherwise).
  const startAudio = page.getByRole('button', { name: 'Activer le son' });
  if (await startAudio.isVisible()) await startAudio.click();

  await chooser.selectOption('en');
  await expect(page.getByRole('status').filter({ hasText: 'Vous écoutez l’interprétation en Anglais' })).toBeVisible();
  await expect
    .poll(async () => (await audioOf(page)).filter((a) => a.channel === 'en'), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ channel: 'en', volume: 1, playing: true })]);
  // The original is heard quietly underneath, not muted.
  await expect.poll(async () => (await audioOf(page)).filter((a) => a.channel === 'original').map((a) => a.volume)).toEqual([0.15]);
  expect((await audioOf(page)).find((a) => a.channel === 'original')?.playing).toBe(true);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolation(page, 'stage with the language chooser (390 px)');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/interpretation-390.png`, fullPage: true });

  // Back to the original: the channel is let go, the original is at full volume again.
  await chooser.selectOption('');
  await expect.poll(async () => (await audioOf(page)).map((a) => `${a.channel}:${a.volume}`)).toEqual(['original:1']);
});

test('a pinned participant stays large beside whoever speaks, for late joiners and on a phone; unpinning restores the stage', async ({ browser }) => {
  await staff(browser, 'intervenante@chemins.test');
  const moderator = await staff(browser, 'moderateur@chemins.test');
  // The sign-language interpreter: someone of the audience brought on stage, camera on.
  const signer = await listener(browser, 'Sacha Signes', { width: 1280, height: 900 });
  const row = moderator.getByTestId('moderated').filter({ hasText: 'Sacha Signes' });
  await row.getByRole('button', { name: 'Inviter sur scène' }).click();
  await expect(signer.page.getByTestId('room')).toHaveAttribute('data-can-publish', 'true');
  await signer.page.getByRole('button', { name: 'Activer la caméra' }).click();
  await expect(moderator.getByTestId('tile').filter({ hasText: 'Sacha Signes' })).toHaveCount(1);

  await row.getByRole('button', { name: 'Épingler (langue des signes)' }).click();
  await expect(row.getByRole('button', { name: 'Désépingler' })).toBeVisible();
  await expect(moderator.getByTestId('stage')).toHaveAttribute('data-pinned', signer.identity);

  // Someone who comes later, on a phone, gets the pin with the room.
  const late = await listener(browser, 'Noé Tardif');
  const pinned = late.page.locator('[data-testid="tile"][data-pinned]');
  await expect(pinned).toHaveAttribute('data-identity', signer.identity);
  await expect(pinned).toContainText('Sacha Signes · interprète en langue des signes');
  // Whoever speaks (the speaker's and the moderator's fake microphones beep), the main area is a
  // speaker and the pinned interpreter stays beside it, large, with their video.
  const mainTile = late.page.locator('[data-testid="tile"][data-main]');
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const main = await mainTile.getAttribute('data-identity');
        if (main) seen.add(main);
        expect(await pinned.getAttribute('data-identity')).toBe(signer.identity);
        return seen.size >= 1 && !seen.has(signer.identity);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect.poll(() => pinned.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
  const box = await pinned.boundingBox();
  expect(box!.width).toBeGreaterThan(PHONE.width / 3);
  await expectNoSidewaysScroll(late.page);
  if (SHOTS) await late.page.screenshot({ path: `${SHOTS}/pinned-390.png`, fullPage: true });
  if (SHOTS) await moderator.screenshot({ path: `${SHOTS}/pinned-1280.png`, fullPage: true });

  await row.getByRole('button', { name: 'Désépingler' }).click();
  await expect(pinned).toHaveCount(0);
  await expect(late.page.getByTestId('stage')).not.toHaveAttribute('data-pinned', /.+/);
});

test('the session’s moderator replaces the replay’s captions; a malformed file is refused with the parser’s reason', async ({ browser, page }) => {
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const past = sessions.find((s: { slug: string }) => s.slug === 'webinaire-d-hier');
  const replays: { id: string; kind: string }[] = await (await page.request.get(`/api/sessions/${past.id}/replays`)).json();
  const replay = replays.find((r) => r.kind === 'upload')!;
  // A visitor gets no form.
  await page.goto(`/replays/${replay.id}`);
  await expect(page.getByTestId('replay')).toBeVisible();
  await expect(page.getByTestId('captions-upload')).toHaveCount(0);

  const moderator = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  await moderator.goto(`/replays/${replay.id}`);
  const form = moderator.getByTestId('captions-upload');
  await expect(form.getByRole('heading', { name: 'Remplacer les sous-titres (WebVTT)' })).toBeVisible();
  const file = form.getByLabel('Fichier de sous-titres');
  await file.setInputFiles({ name: 'casse.vtt', mimeType: 'text/vtt', buffer: Buffer.from('WEBVTT\n\n00:00:01.000 -> 00:00:03.000\nFlèche cassée\n') });
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByRole('alert')).toContainText(/Ce fichier n’est pas un WebVTT valide ; rien n’a été changé\. Raison donnée par l’analyseur : line \d+: /);
  await expectNoSidewaysScroll(moderator);
  await expectNoAxeViolation(moderator, 'replay with the captions form (390 px)');

  // The same captions again (the demo's, so other specs find them): accepted, counted.
  const current = await (await moderator.request.get(`/api/replays/${replay.id}/captions.vtt`)).text();
  await file.setInputFiles({ name: 'demo.vtt', mimeType: 'text/vtt', buffer: Buffer.from(current) });
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByTestId('captions-saved')).toContainText(/Sous-titres enregistrés : \d+ répliques\./);
});

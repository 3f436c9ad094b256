import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { closeOwnContexts, LIVE_SESSION, signInWithMagicLink } from './support/helpers';

// The viewers and the régie leave the live room when the test ends: the next spec counts its audience.
test.afterEach(closeOwnContexts);

// Venue inputs (issue 28): the régie page publishes a fake camera through LiveKit's WHIP endpoint
// (real LiveKit, real Chromium with fake devices, everything on 127.0.0.1); the stage shows it
// first; a replaced or revoked token no longer publishes. The LiveKit server must send its webhooks
// to the app (scripts/test-all.sh's does).
const DESK = `${LIVE_SESSION}/venue`;
const STAGE = `${LIVE_SESSION}/room`;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

/** The main tile of the stage on `page` shows decoded frames of the participant `identity`. */
async function expectMainVideo(page: Page, identity: RegExp) {
  const main = page.locator('[data-testid="tile"][data-main]');
  await expect(main).toHaveAttribute('data-identity', identity, { timeout: 30_000 });
  await expect.poll(() => main.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
}

/** Publish `page`'s fake camera to `whipUrl` with `token` from a bare page script (as another WHIP client would): the POST's status. */
function publishWith(page: Page, whipUrl: string, token: string): Promise<number> {
  return page.evaluate(
    async ({ whipUrl, token }) => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const pc = new RTCPeerConnection({ iceServers: [] });
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly' });
      await pc.setLocalDescription(await pc.createOffer());
      const res = await fetch(whipUrl, { method: 'POST', headers: { 'content-type': 'application/sdp', authorization: `Bearer ${token}` }, body: pc.localDescription!.sdp });
      if (res.ok) await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
      (window as unknown as { oldPc: RTCPeerConnection }).oldPc = pc;
      return res.status;
    },
    { whipUrl, token },
  );
}

test('the venue comes in: the régie publishes through WHIP, the stage shows it first, a replaced or revoked token no longer publishes', async ({ browser }) => {
  test.skip(!process.env.LIVEKIT_URL, 'needs the LiveKit server of LIVEKIT_URL');
  test.setTimeout(240_000);
  const rooms = new RoomServiceClient(process.env.LIVEKIT_URL!, process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  /**
   * A revoked token publishing again from `page`: refused by the WHIP POST, or accepted (a LiveKit
   * token cannot be un-signed) and then taken out by the webhook once its connection settles.
   */
  const expectTakenOut = async (page: Page, whipUrl: string, token: string, identity: string) => {
    const status = await publishWith(page, whipUrl, token);
    if (status !== 201) {
      expect([401, 403]).toContain(status);
      return;
    }
    const settled = ['connected', 'disconnected', 'failed', 'closed'];
    await expect
      .poll(async () => settled.includes(await page.evaluate(() => (window as unknown as { oldPc: RTCPeerConnection }).oldPc.connectionState)), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(async () => (await rooms.listParticipants(`session-${sessionId}`)).map((p) => p.identity), { timeout: 20_000 }).not.toContain(identity);
  };

  // A speaker on stage first: without the venue, the stage would show her.
  const speaker = await signedIn(browser, 'intervenante@chemins.test');
  const sessions = (await (await speaker.request.get('/api/events/edition-demo/sessions')).json()) as { id: string; slug: string }[];
  const sessionId = sessions.find((x) => x.slug === 'ouverture-en-direct')!.id;
  await speaker.goto(STAGE);
  await speaker.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(speaker.getByRole('button', { name: 'Couper la caméra' })).toBeVisible({ timeout: 30_000 });

  // The moderator's régie: creates the input, sees the OBS settings once.
  const desk = await signedIn(browser, 'moderateur@chemins.test');
  await desk.setViewportSize({ width: 390, height: 844 });
  await desk.goto(DESK);
  await expect(desk.getByRole('heading', { name: 'Régie — entrées de la salle' })).toBeVisible();
  await expect(desk.getByText('Aucune entrée pour l’instant.')).toBeVisible();
  await desk.getByLabel(/Nom de la salle/).fill('Salle Auditorium');
  await desk.getByRole('button', { name: 'Créer l’entrée' }).click();
  const credentials = desk.getByTestId('venue-credentials');
  await expect(credentials).toContainText('Identifiants de « Salle Auditorium »');
  await expect(credentials).toContainText('WHIP');
  const whipUrl = await desk.getByTestId('venue-whip-url').inputValue();
  const firstToken = await desk.getByTestId('venue-token').inputValue();
  expect(whipUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/whip\/v1$/);
  expect(firstToken.split('.')).toHaveLength(3);
  // Phone-wide: nothing overflows sideways; axe finds nothing serious.
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const { violations } = await new AxeBuilder({ page: desk }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Publish from this browser: the fake camera goes out through WHIP.
  await desk.setViewportSize({ width: 1280, height: 900 });
  await desk.getByRole('button', { name: 'Choisir la caméra et le micro' }).click();
  await expect(desk.getByLabel('Caméra')).toBeVisible();
  await desk.getByTestId('venue-publish').click();
  await expect(desk.getByTestId('venue-status')).toHaveText('En direct sur la scène.', { timeout: 30_000 });

  // Someone in the audience (registered, by the personal link) sees the room first on the stage, with its name.
  const viewer = await (await browser.newContext()).newPage();
  const registration = await viewer.request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Public en ligne', email: `public-${Date.now()}@chemins.test`, sessionIds: [sessionId], consent: true },
  });
  expect(registration.status()).toBe(201);
  await viewer.goto(`/api/join?token=${((await registration.json()) as { joinToken: string }).joinToken}&next=${encodeURIComponent(STAGE)}`);
  await viewer.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expectMainVideo(viewer, /^venue:[0-9a-f-]+:1$/);
  await expect(viewer.locator('[data-testid="tile"][data-main]')).toContainText('Salle Auditorium');
  await expect(viewer.getByTestId('stage-strip').getByTestId('tile').filter({ hasText: 'Intervenante' })).toBeVisible();

  // A new token: the old one's participant leaves the stage, and the old token publishing again is taken out.
  const inputId = /^venue:([0-9a-f-]+):1$/.exec((await viewer.locator('[data-testid="tile"][data-main]').getAttribute('data-identity'))!)![1]!;
  await desk.getByRole('button', { name: 'Nouveau jeton' }).click();
  await expect(desk.getByTestId('venue-token')).not.toHaveValue(firstToken);
  await expect(viewer.locator(`[data-testid="tile"][data-identity="venue:${inputId}:1"]`)).toHaveCount(0, { timeout: 20_000 });
  const oldIdentity = `venue:${inputId}:1`;
  await expectTakenOut(desk, whipUrl, firstToken, oldIdentity);
  await expect(viewer.locator(`[data-testid="tile"][data-identity="${oldIdentity}"]`)).toHaveCount(0);

  // The new token publishes (here from another WHIP client); revoked, it is taken off the stage by
  // the server, and taken out when it comes back.
  const secondToken = await desk.getByTestId('venue-token').inputValue();
  expect(await publishWith(speaker, whipUrl, secondToken)).toBe(201);
  await expectMainVideo(viewer, new RegExp(`^venue:${inputId}:2$`));
  await desk.getByTestId('venue-revoke').click();
  await desk.getByRole('button', { name: 'Oui, révoquer' }).click();
  await expect(desk.getByTestId('venue-input')).toHaveCount(0);
  await expect(viewer.locator('[data-testid="tile"][data-venue]')).toHaveCount(0, { timeout: 20_000 });
  await expectTakenOut(speaker, whipUrl, secondToken, `venue:${inputId}:2`);
  // The speaker has the stage again.
  await expectMainVideo(viewer, /^user:/);
});

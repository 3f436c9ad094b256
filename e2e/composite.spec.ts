import { type Browser, expect, type Page, test } from '@playwright/test';
import { AccessToken } from 'livekit-server-sdk';
import { closeOwnContexts, LIVE_SESSION, liveSessionId, RUN_ID, signInWithMagicLink } from './support/helpers';

// The stage's composite layout page (issues 28 and 29, docs/replays.md "The composite"), opened
// here as LiveKit Egress's Chromium opens it — `/media/layout?url=…&token=…&layout=…` with a token
// like egress's (a hidden recorder) — against the real LiveKit server, with Chromium's fake cameras
// and microphones. The media test (e2e/recording.spec.ts, scripts/recording-e2e.sh) has the real
// egress record it.
test.describe.configure({ timeout: 180_000 });
test.afterEach(closeOwnContexts);

const KEY = process.env.LIVEKIT_API_KEY ?? '';
const SECRET = process.env.LIVEKIT_API_SECRET ?? '';
const WS_URL = (process.env.LIVEKIT_URL ?? '').replace(/^http/, 'ws');
const SHOTS = process.env.COMPOSITE_SHOTS;

/** What egress's `BuildEgressToken` makes (livekit/protocol egress/token.go), or a variant of it. */
async function egressToken(room: string, opts: { secret?: string; hidden?: boolean; recorder?: boolean; kind?: 'egress' | 'standard' } = {}) {
  const at = new AccessToken(KEY, opts.secret ?? SECRET, { identity: `EG_e2e_${Date.now().toString(36)}`, ttl: 600 });
  at.kind = opts.kind ?? 'egress';
  at.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: opts.hidden ?? true, recorder: opts.recorder ?? true });
  return at.toJwt();
}

const layoutUrl = (token: string) => `/media/layout?${new URLSearchParams({ url: WS_URL, token, layout: 'speaker' })}`;

async function onStage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  await page.goto(`${LIVE_SESSION}/room`);
  await expect(page.getByTestId('prejoin-hint')).toHaveText(/Vérifiez votre caméra/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toHaveAttribute('data-connected', 'true', { timeout: 45_000 });
  return page;
}

test.skip(!KEY || !SECRET || !WS_URL, 'needs the LiveKit server (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET)');

test('the layout page opens only for egress’s hidden recorder token of a session’s room', async ({ page }) => {
  const sessionId = await liveSessionId(page);
  const room = `session-${sessionId}`;
  const refused = [
    '/media/layout',
    `/media/layout?${new URLSearchParams({ url: WS_URL })}`,
    // Not a WebSocket address: the page never connects anywhere else.
    `/media/layout?${new URLSearchParams({ url: 'https://example.org', token: await egressToken(room) })}`,
    layoutUrl('not-a-token-but-long-enough-to-be-read'),
    // Another key's token, a stage token (not hidden, not a recorder), another kind, another room.
    layoutUrl(await egressToken(room, { secret: 'another-secret-0123456789abcdefghijklmnop' })),
    layoutUrl(await egressToken(room, { hidden: false })),
    layoutUrl(await egressToken(room, { recorder: false })),
    layoutUrl(await egressToken(room, { kind: 'standard' })),
    layoutUrl(await egressToken('session-00000000-0000-4000-8000-000000000000')),
    layoutUrl(await egressToken('lobby')),
  ];
  for (const url of refused) {
    const res = await page.request.get(url);
    expect(res.status(), url.slice(0, 60)).toBe(404);
    expect(await res.text()).not.toContain('data-testid="composite"');
  }
  const ok = await page.request.get(layoutUrl(await egressToken(room)));
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control'] ?? '').not.toMatch(/public/);
  expect(await ok.text()).toContain('Ouverture en direct');
});

test('the composite shows the title, the speaker with a lower third and the pinned interpreter beside them, and tells egress to start', async ({ browser }) => {
  const speaker = await onStage(browser, 'intervenante@chemins.test');
  const moderator = await onStage(browser, 'moderateur@chemins.test');
  const sessionId = await liveSessionId(moderator);
  const speakerTile = moderator.getByTestId('tile').filter({ hasText: 'Intervenante' });
  await expect(speakerTile).toHaveCount(1);
  const speakerIdentity = (await speakerTile.getAttribute('data-identity'))!;

  // Egress's Chromium: 1280×720, no sign-in, the query egress builds.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const composite = await context.newPage();
  const signals: string[] = [];
  composite.on('console', (m) => {
    if (/^(START|END)_RECORDING$/.test(m.text())) signals.push(m.text());
  });
  await composite.goto(layoutUrl(await egressToken(`session-${sessionId}`)));
  await expect(composite.getByTestId('composite-title')).toContainText('Ouverture en direct');
  // Once every track is subscribed: START_RECORDING, once.
  await expect.poll(() => signals, { timeout: 30_000 }).toEqual(['START_RECORDING']);
  // The hidden recorder is nobody's audience nor speaker on the stage.
  await expect(moderator.getByTestId('tile')).toHaveCount(2);

  const main = composite.locator('[data-testid="composite-tile"][data-main]');
  await expect(main).toHaveCount(1);
  await expect(composite.getByTestId('lower-third')).toHaveText(/Intervenante|Modérat/);
  await expect.poll(() => main.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
  // Everyone's original audio plays.
  await expect.poll(() => composite.locator('audio[data-testid="stage-audio"]').count(), { timeout: 30_000 }).toBe(2);

  // The captions of the original, typed by the session's captioner, are in the composite too (the
  // server sends each line into the LiveKit room: the page has no app connection).
  const captioner = await (await browser.newContext()).newPage();
  await signInWithMagicLink(captioner, 'sous-titrage@chemins.test');
  await captioner.goto(`${LIVE_SESSION}/captions`);
  await expect(captioner.getByTestId('captions-status')).toContainText('Connecté·e');
  const line = `Dans le flux enregistré ${RUN_ID}`;
  await captioner.getByTestId('captions-speaker').selectOption('Intervenante (démo)');
  await captioner.getByTestId('captions-text').fill(line);
  await captioner.getByTestId('captions-text').press('Enter');
  const captions = composite.getByTestId('composite-captions');
  await expect(captions).toContainText(line);
  await expect(captions.locator('p').filter({ hasText: line }).locator('strong')).toHaveText(/^Intervenante \(démo\) :/);
  await expect(captions.locator('[data-partial]')).toHaveCount(0);

  // The moderator pins the speaker (as a sign-language interpreter): the composite follows at once,
  // the pinned video large beside the main area, whoever speaks.
  const row = moderator.getByTestId('moderated').filter({ hasText: 'Intervenante' });
  await row.getByRole('button', { name: 'Épingler (langue des signes)' }).click();
  await expect(composite.getByTestId('composite')).toHaveAttribute('data-pinned', speakerIdentity);
  const pinned = composite.locator(`[data-testid="composite-tile"][data-identity="${speakerIdentity}"]`);
  await expect(pinned).toContainText('interprète en langue des signes');
  await expect(main).not.toHaveAttribute('data-identity', speakerIdentity);
  const [mainBox, pinnedBox] = [await main.boundingBox(), await pinned.boundingBox()];
  expect(pinnedBox!.width).toBeGreaterThan(1280 / 4);
  expect(pinnedBox!.x).toBeGreaterThan(mainBox!.x + mainBox!.width - 1);
  // Nothing sticks out of egress's 1280×720 frame.
  const overflow = await composite.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  expect(overflow[0]).toBeLessThanOrEqual(1280);
  if (SHOTS) await composite.screenshot({ path: `${SHOTS}/composite-1280.png` });

  // A page opened later starts from the pin as stored.
  const late = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await late.goto(layoutUrl(await egressToken(`session-${sessionId}`)));
  await expect(late.getByTestId('composite')).toHaveAttribute('data-pinned', speakerIdentity);
  if (SHOTS) await late.screenshot({ path: `${SHOTS}/composite-390.png` });

  await row.getByRole('button', { name: 'Désépingler' }).click();
  await expect(composite.getByTestId('composite')).not.toHaveAttribute('data-pinned', /.+/);
  await speaker.close();
});

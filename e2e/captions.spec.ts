import { expect, type Page, test } from '@playwright/test';
import { closeOwnContexts, expectNoAxeViolation, expectNoSidewaysScroll, LIVE_SESSION, RUN_ID, signInWithMagicLink } from './support/helpers';

// Live captions (issue 29): the demo captioner types on the captioner page; viewers see each line
// under the stage and in the transcript within a second, the projector shows it; viewers switch
// captions off and choose their size; the demo replay offers its captions as a track.
test.describe.configure({ timeout: 120_000 });
test.afterEach(closeOwnContexts);

/** When (Date.now()) the page shows `text` inside `selector`: resolved in the page, as the text appears. */
function whenShown(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([sel, wanted]) =>
      new Promise<number>((resolve) => {
        const seen = () => Array.from(document.querySelectorAll(sel)).some((el) => el.textContent?.includes(wanted));
        if (seen()) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    [selector, text] as const,
  );
}

test('the demo captioner types a line: it is under the stage and in the transcript within a second, and on the projector', async ({ browser }) => {
  const captioner = await (await browser.newContext()).newPage();
  await signInWithMagicLink(captioner, 'sous-titrage@chemins.test');
  // The session page leads the captioner to their page.
  await captioner.goto(LIVE_SESSION);
  await captioner.getByTestId('captions-desk-link').click();
  await expect(captioner).toHaveURL(new RegExp(`${LIVE_SESSION}/captions$`));
  await expect(captioner.getByTestId('captions-status')).toContainText('Connecté·e');
  await expectNoAxeViolation(captioner, 'captioner page');

  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(`${LIVE_SESSION}/room`);
  await expect(viewer.getByTestId('side-presence')).toContainText(/ ici/);
  const screen = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  await screen.goto(`${LIVE_SESSION}/projector`);
  await expect(screen.getByTestId('projector')).toBeVisible();
  await expect(screen.getByTestId('projector').getByText(/ ici$/)).toBeVisible();

  const line = `Bienvenue à cette ouverture ${RUN_ID}`;
  const underStage = whenShown(viewer, '#captions-stage [data-testid="captions-lines"]', line);
  await captioner.getByTestId('captions-speaker').selectOption('Intervenante (démo)');
  await captioner.getByTestId('captions-text').fill(line);
  const sentAt = await captioner.evaluate(() => Date.now());
  await captioner.getByTestId('captions-text').press('Enter');
  expect((await underStage) - sentAt).toBeLessThan(1000);
  await expect(captioner.getByTestId('captions-sent')).toContainText(line);
  await expect(captioner.getByTestId('captions-text')).toHaveValue('');

  const stage = viewer.locator('#captions-stage');
  await expect(stage.getByTestId('captions-lines').locator('p').filter({ hasText: line }).locator('strong')).toHaveText(/^Intervenante \(démo\) :/);
  // A typed line is final: seen as it is (not as a line under way), and told to a screen reader.
  await expect(stage.getByTestId('captions-lines').locator('[data-partial]')).toHaveCount(0);
  await expect(stage.getByTestId('captions-announced')).toContainText(line);
  await expect(viewer.getByTestId('captions-transcript')).toContainText(line);
  await expect(screen.getByTestId('projector-captions')).toContainText(line);
  await expect(screen.getByTestId('projector-captions').getByTestId('captions-announced')).toContainText(line);
  await expectNoAxeViolation(viewer, 'stage with captions');

  // Off: the lines go; on again, and large: kept in this browser across a reload.
  await stage.getByTestId('captions-toggle').uncheck();
  await expect(stage.getByTestId('captions-lines')).toHaveCount(0);
  await stage.getByTestId('captions-toggle').check();
  await expect(stage.getByTestId('captions-lines')).toContainText(line);
  await stage.getByTestId('captions-size-l').check();
  await expect(stage.getByTestId('captions-lines')).toHaveClass(/text-3xl/);
  await viewer.reload();
  await expect(viewer.locator('#captions-stage').getByTestId('captions-size-l')).toBeChecked();
  await expect(viewer.locator('#captions-stage').getByTestId('captions-lines')).toContainText(line);

  if (process.env.CAPTIONS_SHOTS) {
    await viewer.screenshot({ path: `${process.env.CAPTIONS_SHOTS}/stage-1280.png`, fullPage: true });
    await screen.screenshot({ path: `${process.env.CAPTIONS_SHOTS}/projector.png` });
  }
  // A phone: nothing scrolls sideways, on the captioner page nor on the stage.
  for (const page of [captioner, viewer]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    if (process.env.CAPTIONS_SHOTS) await page.screenshot({ path: `${process.env.CAPTIONS_SHOTS}/${page === viewer ? 'stage' : 'captioner'}-390.png`, fullPage: true });
  }

  // Someone who is not a captioner is refused the page.
  await viewer.goto(`${LIVE_SESSION}/captions`);
  await expect(viewer.getByRole('alert').filter({ hasText: 'réservée' })).toBeVisible();
  await expect(viewer.getByTestId('captions-text')).toHaveCount(0);
});

test('the demo replay offers its captions as a track, served as WebVTT', async ({ page }) => {
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const past = sessions.find((s: { slug: string }) => s.slug === 'webinaire-d-hier');
  const replays: { id: string; kind: string }[] = await (await page.request.get(`/api/sessions/${past.id}/replays`)).json();
  const replay = replays.find((r) => r.kind === 'upload')!;
  const vtt = await page.request.get(`/api/replays/${replay.id}/captions.vtt`);
  expect(vtt.status()).toBe(200);
  expect(vtt.headers()['content-type']).toMatch(/^text\/vtt/);
  expect(await vtt.text()).toMatch(/^WEBVTT\n/);
  await page.goto(`/replays/${replay.id}`);
  await expect(page.getByTestId('replay-captions')).toHaveAttribute('src', `/api/replays/${replay.id}/captions.vtt`);
  await expect(page.getByTestId('replay-captions')).toHaveAttribute('kind', 'captions');
  await expect.poll(() => page.evaluate(() => document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0)).toBeGreaterThan(0);
});

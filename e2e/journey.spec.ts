import { expect, type Page, test } from '@playwright/test';
import { DEMO_EVENT, lastMailTo, LIVE_SESSION, registrant, RUN_ID, signInWithMagicLink } from './support/helpers';

/** No page of the journey is wider than the viewport (nothing scrolls sideways on a phone). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page, `${page.url()} is ${widths.page}px wide in a ${widths.viewport}px viewport`).toBeLessThanOrEqual(widths.viewport);
}

for (const device of [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
]) {
  test(`${device.name}: the personal link alone lets a registrant in, on every page of the event, until they forget this device`, async ({ browser }) => {
    // The call to register, on the session page; the form identifies this browser at once.
    const name = `Lina ${device.name} ${RUN_ID}`;
    const email = `lina-${device.name}-${RUN_ID}@chemins.test`;
    const first = await (await browser.newContext({ viewport: device.viewport })).newPage();
    await first.goto(LIVE_SESSION);
    await first.getByRole('link', { name: 'S’inscrire à cette session' }).click();
    await expect(first.getByRole('checkbox', { name: /Ouverture en direct/ })).toBeChecked();
    await first.getByLabel('Nom', { exact: true }).fill(name);
    await first.getByLabel('Adresse e-mail').fill(email);
    await first.getByLabel(/J’accepte/).check();
    await first.getByRole('button', { name: 'M’inscrire' }).click();
    await expect(first).toHaveURL(/\/r\?new=1$/);
    await expect(first.getByTestId('registrant-as')).toHaveText(`Inscrit·e : ${name}`);
    await expectNoSidewaysScroll(first);
    await first.context().close();

    // The personal link from the mail, on another device: the browser is the registrant's, and the
    // token leaves the address bar.
    const link = /https?:\/\/\S+\/r\/([A-Za-z0-9_-]+)/.exec((await lastMailTo(email)).text);
    expect(link, 'the confirmation mail carries the personal link').toBeTruthy();
    const joinToken = link![1]!;
    const context = await browser.newContext({ viewport: device.viewport });
    const page = await context.newPage();
    await page.goto(`/r/${joinToken}`);
    await expect(page).toHaveURL(/\/r$/);
    expect(page.url()).not.toContain(joinToken);
    await expect(page.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
    await expect(page.getByTestId('registrant-as')).toHaveText(`Inscrit·e : ${name}`);
    await expect(page.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
    await expect(page.getByTestId('my-seats').locator('[data-seat="confirmed"]')).toContainText('Ouverture en direct');
    await expectNoSidewaysScroll(page);

    // The session's title (not only the join button) leads to a page that knows them.
    await page.getByTestId('my-seats').getByRole('link', { name: 'Ouverture en direct' }).click();
    await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}$`));
    await expect(page.getByTestId('my-seat')).toHaveAttribute('data-seat', 'confirmed');
    await expect(page.getByTestId('my-seat')).toContainText('Inscrit·e ✓');
    await expect(page.getByRole('link', { name: 'S’inscrire à cette session' })).toHaveCount(0);
    await expect(page.getByText('connectez-vous ou ouvrez votre lien personnel')).toHaveCount(0);
    const question = `Une question de ${name}`;
    await page.getByLabel('Votre question').fill(question);
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await expect(page.getByRole('list', { name: 'Questions' }).getByText(question)).toBeVisible();

    // One way in to watch the stage: no camera or microphone asked for; the video comes first, the
    // questions beside it (below it on a phone).
    await page.getByTestId('join-live').click();
    await expect(page.getByTestId('prejoin-hint')).toContainText('ni caméra ni micro');
    await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
    await expect(page.getByTestId('room')).toHaveAttribute('data-can-publish', 'false', { timeout: 30_000 });
    await expect(page.getByTestId('question').filter({ hasText: question })).toBeVisible();
    const video = (await page.getByTestId('room').boundingBox())!;
    const questions = (await page.getByLabel('Votre question').boundingBox())!;
    if (device.name === 'phone') expect(video.y).toBeLessThan(questions.y);
    else expect(video.x).toBeLessThan(questions.x);
    await expectNoSidewaysScroll(page);

    // The programme says so too.
    await page.goto(DEMO_EVENT);
    await expect(page.getByTestId('registered')).toContainText('Inscrit·e ✓');
    await expect(page.locator('[data-session-slug="ouverture-en-direct"]').getByTestId('my-seat')).toHaveText('Inscrit·e ✓');

    // Forgetting this device: the link still works, this browser no longer is the registrant.
    await page.getByTestId('registrant-as').click();
    await page.getByRole('button', { name: 'Ne plus me reconnaître sur cet appareil' }).click();
    await expect(page.getByRole('status')).toHaveText('Cet appareil ne vous reconnaît plus.');
    await expect(page.getByTestId('registrant-as')).toHaveCount(0);
    await page.goto(LIVE_SESSION);
    await expect(page.getByRole('link', { name: 'S’inscrire à cette session' })).toBeVisible();
    await context.close();
  });
}

test('a personal link that is not valid says so, and sets nothing', async ({ page }) => {
  await page.goto('/r/not-a-real-token');
  await expect(page).toHaveURL(/\/r\?invalid=1$/);
  await expect(page.locator('main').getByRole('alert')).toHaveText('Ce lien personnel n’est pas valable.');
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('chemins-join');
});

test('the session page shows the questions and chat already there, with JavaScript or without', async ({ browser }) => {
  const alice = await registrant(browser, 'Alice');
  const asked = `Une question pour la page sans JavaScript ${RUN_ID}`;
  await alice.getByLabel('Votre question').fill(asked);
  await alice.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(alice.getByTestId('question').filter({ hasText: asked })).toBeVisible();
  const said = `Un message pour la page sans JavaScript ${RUN_ID}`;
  await alice.getByLabel('Votre message').fill(said);
  await alice.getByLabel('Votre message').press('Enter');
  await expect(alice.getByText(said)).toBeVisible();

  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto(LIVE_SESSION);
  await expect(noJs.getByTestId('needs-js')).toBeVisible();
  await expect(noJs.getByTestId('question').filter({ hasText: asked })).toBeVisible();
  await expect(noJs.getByText(said)).toBeVisible();
  await expect(noJs.getByText('Pas encore de question.')).toHaveCount(0);
  await expect(noJs.getByText('Pas encore de message.')).toHaveCount(0);
  await noJs.context().close();
  await alice.context().close();
});

test('no page a participant or an organizer uses scrolls sideways on a phone (360 and 390 px)', async ({ browser }) => {
  test.setTimeout(120_000);
  const visitor = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  const organizer = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  const pages: [Page, string][] = [
    [visitor, '/'],
    [visitor, '/events/forum-usages-cooperatifs-2018'],
    [visitor, '/events/numerique-en-communs-2018'],
    [visitor, '/people/jacques-francois-marchandise'],
    [visitor, '/organizations/inno3'],
    [visitor, DEMO_EVENT],
    [visitor, LIVE_SESSION],
    [visitor, `${LIVE_SESSION}/room`],
    [visitor, '/events/edition-demo/register'],
    [visitor, '/paths'],
    [visitor, '/search?q=sante'],
    [visitor, '/r'],
    [organizer, DEMO_EVENT],
    [organizer, '/organize/edition-demo'],
  ];
  for (const width of [360, 390]) {
    for (const [page, path] of pages) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  }
  await visitor.context().close();
  await organizer.context().close();
});

import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { closeOwnContexts, DEMO_EVENT, RUN_ID, signInWithMagicLink } from './support/helpers';

// Shared notes of the demo's live workshop (issue 31): real Hocuspocus on the app's port, real
// Chromium browsers typing at the same time. The document lives on between runs: every text a
// test writes carries the run's id, and what it checks is that text.
const WORKSHOP_SLUG = 'atelier-en-direct';
const WORKSHOP = `${DEMO_EVENT}/sessions/${WORKSHOP_SLUG}`;

test.afterEach(closeOwnContexts);

/** A registrant of the workshop in a browser of their own, come in by their personal link, on the workshop's page. */
async function workshopRegistrant(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const sessions = (await (await page.request.get(`/api/events/${DEMO_EVENT.split('/').at(-1)}/sessions`)).json()) as { id: string; slug: string }[];
  const session = sessions.find((s) => s.slug === WORKSHOP_SLUG)!;
  const res = await page.request.post(`/api/events/${DEMO_EVENT.split('/').at(-1)}/registrations`, {
    data: { name, email: `notes-${name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}-${RUN_ID}-${Date.now()}@chemins.test`, sessionIds: [session.id], consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { joinToken } = (await res.json()) as { joinToken: string };
  await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(WORKSHOP)}`);
  await openNotes(page);
  return page;
}

/** Opens the live notes: the page first shows them as stored, the editor loads on demand (page weight). */
async function openNotes(page: Page) {
  await expect(page.getByTestId('notes-html')).toBeVisible();
  await page.getByTestId('notes-open').click();
}

const editor = (page: Page) => page.getByTestId('notes-editor');
const pad = (page: Page) => page.getByTestId('notes-pad');

/** The notes' text as written, without the other writers' carets and names. */
const padText = (page: Page) =>
  pad(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent;
  });

/** The page's notes are connected and this person may write in them. */
async function writable(page: Page) {
  await expect(editor(page)).toHaveAttribute('data-writable', 'true', { timeout: 30_000 });
}

/**
 * Types `text` as a line of its own at the start of the notes, as `name`, while `seenBy` watches.
 * The editor reads a caret moved by the keyboard on the browser's next selection event; a remote
 * keystroke arriving before that puts the caret back where it was (y-prosemirror restores the
 * selection it last knew: yjs/y-prosemirror#146, open upstream). A person whose caret jumped back
 * presses the key again; so does the test, until the other writer sees this caret on the first line.
 */
async function typeAtStart(page: Page, text: string, seenBy: Page, name: string) {
  await pad(page).click();
  const caretOnFirstLine = pad(seenBy).locator(':scope > :first-child .collaboration-carets__label', { hasText: name });
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+Home');
    await expect(caretOnFirstLine).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.type(text, { delay: 15 });
  await page.keyboard.press('Enter');
}

/** Types `text` at the end of the notes, on a line of its own. */

async function typeAtEnd(page: Page, text: string) {
  await pad(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 15 });
}

test('two registrants type at once and converge; a third joining late gets the text; a visitor reads only', async ({ browser }) => {
  test.setTimeout(120_000);
  const [awa, bruno] = await Promise.all([workshopRegistrant(browser, 'Awa'), workshopRegistrant(browser, 'Bruno')]);
  await Promise.all([writable(awa), writable(bruno)]);
  const fromAwa = `${RUN_ID} : Awa écrit`;
  const fromBruno = `Bruno écrit ${RUN_ID}`;
  // Both type at once, in two places: Awa at the end, Bruno at the start once Awa's line has reached
  // him. (Two Enters at the same spot in the same instant can map one caret into the other's new
  // line — y-prosemirror — which is not what this test is about.)
  const awaTyping = typeAtEnd(awa, fromAwa);
  await expect(pad(bruno)).toContainText(RUN_ID);
  await Promise.all([awaTyping, typeAtStart(bruno, fromBruno, awa, 'Bruno')]);
  for (const page of [awa, bruno]) {
    await expect(pad(page)).toContainText(fromAwa);
    await expect(pad(page)).toContainText(fromBruno);
  }
  // The same text on both screens, each writer's caret named on the other's.
  await expect.poll(async () => (await padText(awa)) === (await padText(bruno))).toBe(true);
  await expect(bruno.locator('.collaboration-carets__label', { hasText: 'Awa' })).toBeVisible();
  await expect(editor(awa)).toHaveAttribute('data-status', /saved|connected/);

  const late = await workshopRegistrant(browser, 'Chloé');
  await writable(late);
  await expect(pad(late)).toContainText(fromAwa);
  await expect(pad(late)).toContainText(fromBruno);

  // A visitor with no registration follows the notes but cannot change them.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(WORKSHOP);
  await expect(visitor.getByTestId('notes-open')).toHaveText('Suivre les notes en direct');
  await openNotes(visitor);
  await expect(editor(visitor)).toHaveAttribute('data-status', 'readOnly', { timeout: 30_000 });
  await expect(pad(visitor)).toContainText(fromBruno);
  await expect(pad(visitor)).toHaveAttribute('contenteditable', 'false');
  await expect(visitor.getByRole('toolbar')).toHaveCount(0);
});

test('a moderator locks the notes (the writer reads only), unlocks them, and restores a version from the history', async ({ browser }) => {
  test.setTimeout(150_000);
  // This run's writer by name: the history keeps earlier runs' writers.
  const writerName = `Dmitri ${RUN_ID}`;
  const writer = await workshopRegistrant(browser, writerName);
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  await moderator.goto(WORKSHOP);
  await openNotes(moderator);
  await Promise.all([writable(writer), writable(moderator)]);
  const kept = `Garder ${RUN_ID}`;
  await typeAtEnd(writer, kept);
  await expect(pad(moderator)).toContainText(kept);
  await expect(editor(writer)).toHaveAttribute('data-status', 'saved');

  const panel = moderator.getByTestId('notes-moderation');
  await panel.getByRole('button', { name: 'Verrouiller les notes' }).click();
  await expect(panel.getByRole('button', { name: 'Déverrouiller les notes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(editor(writer)).toHaveAttribute('data-writable', 'false');
  await expect(editor(writer)).toHaveAttribute('data-status', 'locked');
  // The moderator still writes.
  const dropped = `Effacer ${RUN_ID}`;
  await typeAtEnd(moderator, dropped);
  await expect(pad(writer)).toContainText(dropped);
  await panel.getByRole('button', { name: 'Déverrouiller les notes' }).click();
  await writable(writer);

  // The history names who wrote; restoring the writer's version takes the moderator's text away, for everyone.
  await panel.getByRole('button', { name: 'Actualiser l’historique' }).click();
  const entry = panel.getByTestId('notes-history').getByRole('listitem').filter({ hasText: writerName }).first();
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: 'Restaurer cette version' }).click();
  const dialog = moderator.getByRole('alertdialog');
  await expect(dialog).toContainText(`Restaurer la version de ${writerName}`);
  await dialog.getByRole('button', { name: 'Oui, restaurer' }).click();
  await expect(panel.getByTestId('notes-moderation-said')).toHaveText('Version restaurée.');
  for (const page of [writer, moderator]) {
    await expect(pad(page)).toContainText(kept);
    await expect(pad(page)).not.toContainText(dropped);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the notes read as HTML, with their Markdown export', async ({ page, request }) => {
    await page.goto(WORKSHOP);
    const html = page.getByTestId('notes-html');
    await expect(html).toBeVisible();
    await expect(html).toContainText(`${RUN_ID} : Awa écrit`);
    const markdown = page.getByRole('link', { name: 'Télécharger en Markdown' });
    const href = await markdown.getAttribute('href');
    expect(href).toMatch(/^\/api\/sessions\/[0-9a-f-]{36}\/notes\.md$/);
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(`${RUN_ID} : Awa écrit`);
  });
});

test('on a phone, the notes fit the screen and the toolbar wraps; axe finds nothing serious with the notes open', async ({ browser }) => {
  const page = await workshopRegistrant(browser, 'Élise');
  await page.setViewportSize({ width: 390, height: 844 });
  await writable(page);
  await pad(page).click();
  // A new paragraph at the end (twice Enter leaves a list the notes may end with).
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cases à cocher' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Cases à cocher' }).click();
  await expect(page.getByRole('button', { name: 'Cases à cocher' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type(`Une case ${RUN_ID}`);
  await expect(pad(page).locator('ul[data-type="taskList"]', { hasText: `Une case ${RUN_ID}` })).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="notes-section"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`))).toEqual([]);
});

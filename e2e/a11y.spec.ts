import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_EVENT, launch, LIVE_SESSION, registrant, RUN_ID, signInWithMagicLink } from './support/helpers';

// WCAG 2.2 AA with axe-core on every page type, signed out and signed in as each role, plus
// keyboard-only journeys (docs/accessibility.md). One signed-in context per role, the demo data as
// seeded: nothing is rebuilt per page.
test.describe.configure({ timeout: 180_000 });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PATH = '/paths/vers-une-sante-ouverte';
const CALL = '/calls/appel-edition-demo';
const PAST_SESSION = `${DEMO_EVENT}/sessions/webinaire-d-hier`;
const WORKSHOP = `${DEMO_EVENT}/sessions/atelier-documenter-ensemble`;

/** The serious and critical violations on the page as it is now, one legible line per element. */
async function audit(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    // Experimental in axe, but WCAG 2.5.3 (label in name) is A: the vote button once broke it.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${label} — ${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.split('\n').join('\n    ') ?? ''}`),
    );
}

/**
 * Audits each path (an optional `ready` condition first) in two tabs of the same context, to use
 * both cores, and fails listing every violation found.
 */
async function auditAll(page: Page, role: string, pages: (string | [string, (p: Page) => Promise<void>])[]): Promise<void> {
  const found: string[] = [];
  const tabs = pages.length > 1 ? [page, await page.context().newPage()] : [page];
  await Promise.all(
    tabs.map(async (tab, k) => {
      for (const entry of pages.filter((_, i) => i % tabs.length === k)) {
        const [path, ready] = typeof entry === 'string' ? [entry, undefined] : entry;
        const t0 = Date.now();
        await tab.goto(path);
        await expect(tab.locator('main, body').first()).toBeVisible();
        if (ready) await ready(tab);
        const t1 = Date.now();
        found.push(...(await audit(tab, `${role} ${path}`)));
        if (process.env.A11Y_TIMING) console.log(`${role} ${path}: load ${t1 - t0} ms, axe ${Date.now() - t1} ms`);
      }
    }),
  );
  if (tabs[1]) await tabs[1].close();
  expect(found, `axe found serious or critical violations:\n${found.join('\n')}`).toEqual([]);
}

/** The href of the first link matching `selector` on `path`, to reach a page whose id is not known. */
async function firstHref(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `${path} links to ${selector}`).toBeTruthy();
  return href!;
}

const liveReady = async (page: Page) => {
  await expect(page.getByTestId('qa')).toBeVisible();
  await expect(page.getByTestId('chat').getByText(/Chargement|Loading/)).toHaveCount(0);
};

/** The contexts a test opened, closed after it: nobody stays in the live session for the next specs (presence counts). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
const kept = (page: Page) => (opened.push(page.context()), page);

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = kept(await (await browser.newContext()).newPage());
  await signInWithMagicLink(page, email);
  return page;
}

test('signed out: events, sessions, live pages, registration', async ({ page }) => {
  await auditAll(page, 'visitor', [
    '/',
    DEMO_EVENT,
    WORKSHOP,
    [LIVE_SESSION, liveReady],
    `${LIVE_SESSION}/room`,
    `${LIVE_SESSION}/moderate`,
    `${LIVE_SESSION}/projector`,
    `${DEMO_EVENT}/register`,
    `${DEMO_EVENT}/badges`,
    '/r',
    '/organize/edition-demo',
    '/page-qui-nexiste-pas',
  ]);
});

test('signed out: paths, resources, calls, people, organizations, badges, replays, search, sign-in', async ({ page }) => {
  const resource = await firstHref(page, PATH, 'a[href^="/resources/"]');
  const replay = await firstHref(page, PAST_SESSION, '[data-testid="session-replays"] a');
  const person = await firstHref(page, '/events/numerique-en-communs-2018', 'a[href^="/people/"]');
  const proposal = await firstHref(page, CALL, 'a[href*="/proposals/"]');
  await auditAll(page, 'visitor', [
    '/paths',
    PATH,
    resource,
    CALL,
    proposal,
    person,
    '/organizations/inno3',
    '/badges',
    replay,
    '/search?q=sante',
    '/signin',
    '/signin/check-email',
  ]);
});

test('participant by personal link: live room with questions and messages, registration, proposing a resource', async ({ browser }) => {
  const page = kept(await registrant(browser, 'Axelle'));
  // Something in each list, so that the list items themselves are checked.
  await page.getByLabel('Votre question').fill(`Une question pour l’audit ${RUN_ID}`);
  await page.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(page.getByTestId('question').filter({ hasText: RUN_ID }).first()).toBeVisible();
  await page.getByLabel('Votre message').fill(`Un message pour l’audit ${RUN_ID} https://example.org`);
  await page.getByLabel('Votre message').press('Enter');
  await expect(page.getByTestId('chat-message').filter({ hasText: RUN_ID }).first()).toBeVisible();
  await auditAll(page, 'participant', [
    [LIVE_SESSION, liveReady],
    '/r',
    `${DEMO_EVENT}/register`,
    `${PATH}/propose`,
    '/badges',
  ]);
});

test('moderator: moderation page, live page with moderation tools, badges', async ({ browser }) => {
  const page = await signedIn(browser, 'moderateur@chemins.test');
  const credential = await firstHref(page, '/badges', 'a[href^="/credentials/"]');
  await auditAll(page, 'moderator', [
    [`${LIVE_SESSION}/moderate`, async (p) => expect(p.getByTestId('moderator-view')).toBeVisible()],
    [LIVE_SESSION, liveReady],
    `${PAST_SESSION}/moderate`,
    '/badges',
    credential,
  ]);
});

test('theme coordinator: path management, new resource, resource edit', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinatrice@chemins.test');
  const resource = await firstHref(page, PATH, 'a[href^="/resources/"]');
  await auditAll(page, 'coordinator', [PATH, `${PATH}/manage`, `${PATH}/resources/new`, resource, `${resource}/edit`]);
});

test('organizer and admin: organizer area, session editor, badges, calls, admin', async ({ browser }) => {
  const page = await signedIn(browser, 'organisatrice@chemins.test');
  const session = await firstHref(page, '/organize/edition-demo', 'a[href^="/organize/edition-demo/sessions/"]');
  const callAdmin = await firstHref(page, '/organize/edition-demo', 'a[href^="/organize/edition-demo/calls/"]');
  await auditAll(page, 'organizer', [
    '/organize/edition-demo',
    session,
    '/organize/new',
    '/organize/edition-demo/badges',
    '/organize/edition-demo/checkin',
    callAdmin,
    `${CALL}/review`,
  ]);
  const admin = await signedIn(browser, 'admin-e2e@chemins.test');
  await auditAll(admin, 'admin', ['/admin']);
});

/** Presses Tab until `target` has the focus, checking on every stop that the focus can be seen. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element shows a focus indicator: an outline or a ring (box-shadow). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.outerHTML.slice(0, 120), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, ring: s.boxShadow !== 'none' };
  });
  if (style) expect(style.outline || style.ring, `focus is visible on ${style.tag}`).toBe(true);
}

test('keyboard only: register for an event with Tab, typing, Space and Enter', async ({ page }) => {
  await page.goto(`${DEMO_EVENT}/register`);
  const name = page.getByLabel('Nom', { exact: true });
  await tabTo(page, name);
  await page.keyboard.type('Kim Clavier');
  await tabTo(page, page.getByLabel('Adresse e-mail'));
  await page.keyboard.type('pas-une-adresse');
  // Submitting with errors: the errors are announced and the focus goes to them.
  await tabTo(page, page.getByRole('button', { name: 'M’inscrire' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('main').getByRole('alert')).toContainText('Saisissez une adresse e-mail valide.');
  await expect(page.locator('main').getByRole('alert')).toBeFocused();
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/Saisissez une adresse e-mail valide/);
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(`clavier-${RUN_ID}@chemins.test`);
  const workshop = page.getByRole('checkbox', { name: /Atelier : documenter ensemble/ });
  await tabTo(page, workshop);
  await page.keyboard.press('Space');
  await expect(workshop).toBeChecked();
  const consent = page.getByLabel(/J’accepte/);
  await tabTo(page, consent);
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'M’inscrire' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
  await expect(page.getByTestId('my-seats').locator('[data-seat="confirmed"]')).toContainText('Atelier : documenter ensemble');
});

test('keyboard only: ask a question and vote for one in the live session; a new question is announced politely', async ({ browser }) => {
  const page = kept(await registrant(browser, 'Clémence'));
  const other = kept(await registrant(browser, 'Octave'));
  const theirs = `Question à soutenir au clavier ${RUN_ID}`;
  await other.getByLabel('Votre question').fill(theirs);
  await other.getByRole('button', { name: 'Envoyer la question' }).click();
  // Announced once, in a polite status outside the list (the list itself is not a live region).
  await expect(page.getByTestId('qa').getByTestId('live-announcer')).toHaveText(`Nouvelle question : ${theirs}`);
  await expect(page.getByTestId('qa').getByRole('list').first()).not.toHaveAttribute('aria-live');
  await other.context().close();

  const mine = `Question posée au clavier ${RUN_ID}`;
  await tabTo(page, page.getByLabel('Votre question'));
  await page.keyboard.type(mine);
  await tabTo(page, page.getByRole('button', { name: 'Envoyer la question' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('question').filter({ hasText: mine })).toBeVisible();

  const question = page.getByTestId('question').filter({ hasText: theirs });
  const vote = question.getByRole('button', { name: /Voter/ });
  // Its name holds what it shows (WCAG 2.5.3): the count.
  await expect(vote).toHaveAccessibleName('Voter pour cette question, 0 vote');
  await tabTo(page, vote, 120);
  await page.keyboard.press('Space');
  await expect(question.getByRole('button', { name: /Retirer mon vote/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(question.getByTestId('votes')).toHaveText('1');
});

test('keyboard only: moderate a question and answer a poll; the views with a live poll have no axe violation', async ({ browser }) => {
  const page = kept(await registrant(browser, 'Paulin'));
  const question = `À marquer répondue au clavier ${RUN_ID}`;
  await page.getByLabel('Votre question').fill(question);
  await page.getByRole('button', { name: 'Envoyer la question' }).click();
  const mod = await signedIn(browser, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();

  // Tab enters the queue on the selected question, j moves down, r marks it answered.
  const queued = mod.getByTestId('mod-question').filter({ hasText: question });
  await expect(queued).toBeVisible();
  await tabTo(mod, mod.locator('[data-testid="mod-question"][tabindex="0"]'), 150);
  for (let i = 0; i < 300 && !(await queued.evaluate((el) => el === document.activeElement)); i++) await mod.keyboard.press('j');
  await expect(queued).toBeFocused();
  await mod.keyboard.press('r');
  await expect(page.getByTestId('question').filter({ hasText: question })).toHaveAttribute('data-status', 'answered');

  const asked = `Un format préféré, au clavier ? ${RUN_ID}`;
  const item = await launch(mod, 'Choix multiple', asked, 'Atelier\nPlénière');
  expect(await audit(mod, 'moderator with a live poll')).toEqual([]);

  const panel = page.getByTestId('poll-panel');
  await expect(panel).toContainText(asked);
  expect(await audit(page, 'participant with a live poll')).toEqual([]);
  const option = panel.getByLabel('Plénière');
  await tabTo(page, option, 120);
  await page.keyboard.press('Space');
  await expect(option).toBeChecked();
  await tabTo(page, panel.getByRole('button', { name: 'Répondre' }));
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('poll-saved')).toBeVisible();
  // The poll is closed and its results hidden, so that the session has no current poll for the other specs.
  await item.getByRole('button', { name: 'Clore' }).click();
  await expect(item).toHaveAttribute('data-status', 'closed');
  await item.getByRole('button', { name: 'Cacher les résultats' }).click();
  await expect(panel).toHaveCount(0);
});

test('keyboard only: join the video room from the session page, raise a hand, leave', async ({ browser }) => {
  const page = kept(await registrant(browser, 'Joséphine Clavier'));
  await tabTo(page, page.getByTestId('join-live'), 120);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('prejoin')).toBeVisible();
  const enter = page.getByRole('button', { name: 'Entrer dans la salle' });
  await expect(enter).toBeEnabled(); // once the role is known
  await tabTo(page, enter, 120);
  await page.keyboard.press('Enter');
  // Connected, as the audience of the stage (the hand goes through LiveKit: its button waits for the connection).
  await expect(page.getByTestId('room')).toHaveAttribute('data-connected', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
  const hand = page.getByRole('button', { name: 'Lever la main' });
  await tabTo(page, hand, 150);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Baisser la main' })).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, page.getByRole('button', { name: 'Quitter' }), 150);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Revenir dans la salle' })).toBeVisible();
});

test('keyboard only: a theme coordinator writes a resource, is told what is missing, then publishes it', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinatrice@chemins.test');
  await page.goto(`${PATH}/resources/new`);
  const form = page.getByTestId('resource-form');
  const title = `Fiche au clavier ${RUN_ID}`;
  // Saved without a title: the field says why, in the page's language.
  await tabTo(page, form.getByLabel('Résumé'), 120);
  await page.keyboard.type('Écrite sans souris.');
  await tabTo(page, form.getByRole('button', { name: 'Enregistrer' }), 150);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('Vérifiez les champs signalés.');
  await expect(form.getByLabel('Titre')).toHaveAccessibleDescription(/Ce champ est obligatoire\./);
  await form.getByLabel('Titre').focus();
  await page.keyboard.type(title);
  await tabTo(page, form.getByLabel('Texte (Markdown)'), 40);
  await page.keyboard.type('## Au clavier\n\nUne fiche écrite et publiée sans souris.');
  await tabTo(page, form.getByRole('button', { name: 'Enregistrer' }), 150);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Enregistré.');
  const publish = page.getByRole('form', { name: title }).getByRole('button', { name: 'Publier' });
  await tabTo(page, publish, 200);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-status="published"]').first()).toBeVisible();
});

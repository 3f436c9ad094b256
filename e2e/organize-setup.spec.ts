import { expect, type Browser, type Page, test } from '@playwright/test';
import { RUN_ID, signInWithMagicLink } from './support/helpers';

// Issue 34 (items 6 and 8), on a phone (390 px): a proposal accepted by one committee member is a
// draft — off the public programme and registration — until the organizers schedule and publish
// it from their programme; the proposal form asks for days with date inputs; the confirmation
// after saving is in view; a session's speaker is named from its organizer page.
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 390, height: 844 } });

const DEMO_CALL = 'appel-edition-demo';
const MEMBER = 'comite@chemins.test';
const TITLE = `Atelier brouillon e2e ${RUN_ID}`;
/** A day of this run's own in 2031 (one per minute over years), so that the room is free. */
const DAY = new Date(Date.UTC(2031, 0, 1) + (Math.floor(Date.now() / 60_000) % 3650) * 86_400_000).toISOString().slice(0, 10);

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('an accepted proposal is not public until published', async ({ browser }) => {
  // The proposer picks preferred days with date inputs (no "AAAA-MM-JJ" typed by hand).
  const proposer = await signedIn(browser, `brouillon-${RUN_ID}@chemins.test`);
  await proposer.goto(`/calls/${DEMO_CALL}/propose`);
  await proposer.getByLabel('Titre', { exact: true }).fill(TITLE);
  await proposer.getByLabel('Format').selectOption('Atelier');
  await proposer.getByLabel('Résumé').fill('Un atelier accepté, à programmer puis publier.');
  const day1 = proposer.getByLabel('Jour souhaité 1');
  await expect(day1).toHaveAttribute('type', 'date');
  await expect(proposer.getByLabel('Jour souhaité 2')).toHaveAttribute('type', 'date');
  await day1.fill(DAY);
  await proposer.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(proposer.getByRole('status')).toContainText('Proposition envoyée');
  const proposalUrl = new URL(proposer.url()).pathname;
  await expect(proposer.getByTestId('private')).toContainText(DAY);

  // One committee member accepts.
  const member = await signedIn(browser, MEMBER);
  await member.goto(proposalUrl);
  await member.getByLabel('Décision', { exact: true }).selectOption('accept');
  await member.getByLabel(/^Raison/).fill('Répond aux critères.');
  await member.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(member.getByTestId('proposal-status').first()).toHaveText('Acceptée');

  // Not on the public programme, its page, nor open to registration.
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await visitor.goto('/events/edition-demo');
  await expect(visitor.locator('main')).not.toContainText(TITLE);
  const listed = await (await visitor.request.get('/api/events/edition-demo/sessions')).json();
  expect(listed.map((s: { title: string }) => s.title)).not.toContain(TITLE);

  // The organizer sees it as a draft in their programme, with its address made from the title.
  const organizer = await signedIn(browser, 'organisatrice@chemins.test');
  await organizer.goto('/organize/edition-demo');
  const row = organizer.getByTestId('organizer-programme').locator('li').filter({ hasText: TITLE });
  await expect(row).toContainText('Brouillon');
  await row.getByRole('link', { name: 'Modifier' }).click();
  await organizer.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = /\/sessions\/([0-9a-f-]{36})/.exec(organizer.url())![1]!;
  const refused = await visitor.request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Trop tôt', email: `trop-tot-${RUN_ID}@chemins.test`, sessionIds: [sessionId], consent: true },
  });
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.code).toBe('session_not_found');
  const slug = await organizer.getByLabel('Adresse (slug)').inputValue();
  expect(slug).toBe(`atelier-brouillon-e2e-${RUN_ID}`);
  await expect(organizer.getByLabel('Adresse (slug)')).toHaveAccessibleDescription(/tirée du titre/);
  await expect(organizer.getByLabel('Publication')).toHaveValue('draft');
  const visitorPage = await visitor.goto(`/events/edition-demo/sessions/${slug}`);
  expect(visitorPage!.status()).toBe(404);

  // It schedules it (time, room) and publishes it; the confirmation is in view and focused.
  await organizer.getByLabel('Jour').fill(DAY);
  await organizer.getByLabel('Début').fill('14:00');
  await organizer.getByLabel('Fin').fill('15:30');
  await organizer.getByLabel('Salle', { exact: true }).selectOption({ label: 'Grande salle' });
  await organizer.getByLabel('Publication').selectOption('published');
  await organizer.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
  const notice = organizer.locator('main').getByRole('status');
  await expect(notice).toHaveText('Enregistré.');
  await expect(notice).toBeInViewport();
  await expect(notice).toBeFocused();
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  await expect(organizer.getByTestId('organizer-programme').locator('li').filter({ hasText: TITLE })).not.toContainText('Brouillon');

  // Public now, and open to registration.
  await visitor.goto('/events/edition-demo');
  await expect(visitor.locator(`[data-session-slug="${slug}"]`).first()).toBeVisible();
  const registered = await visitor.request.post('/api/events/edition-demo/registrations', {
    data: { name: 'À temps', email: `a-temps-${RUN_ID}@chemins.test`, sessionIds: [sessionId], consent: true },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  // The organizer names a speaker from the session's page (a grant on this session only).
  await organizer.goto(`/organize/edition-demo/sessions/${sessionId}`);
  const speaker = `animatrice-${RUN_ID}@chemins.test`;
  await organizer.getByLabel('Adresse e-mail').fill(speaker);
  await organizer.getByLabel('Rôle').selectOption('speaker');
  await organizer.getByRole('button', { name: 'Donner ce rôle' }).click();
  const given = organizer.locator('#people').getByRole('status');
  await expect(given).toHaveText('Rôle donné.');
  await expect(given).toBeInViewport();
  await expect(organizer.getByTestId('session-grants')).toContainText(speaker);
  for (const p of [proposer, member, visitor, organizer]) await p.context().close();
});

test('the organizer page explains its "Clé" fields and offers a CSV for spreadsheets', async ({ browser }) => {
  const organizer = await signedIn(browser, 'organisatrice@chemins.test');
  await organizer.goto('/organize/edition-demo');
  const keys = organizer.getByLabel('Clé', { exact: true });
  await expect(keys).toHaveCount(3);
  for (const key of await keys.all()) await expect(key).toHaveAccessibleDescription(/Identifiant court/);
  const link = organizer.locator('#exports').getByRole('link', { name: 'CSV pour tableur (Excel, LibreOffice)' });
  const res = await organizer.request.get((await link.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain('\r\n');
  expect(body.toString('utf8').split('\r\n')[0]).toContain(';');
  await organizer.context().close();
});

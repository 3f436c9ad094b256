import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { closeOwnContexts, DEMO_EVENT, RUN_ID, signInWithMagicLink } from './support/helpers';

// Seats on site and online, and room screens (issue 28), on a phone: the demo edition's hybrid
// session has 3 chairs and 3 online seats, each with its waiting list.

test.afterEach(closeOwnContexts);

const PHONE = { width: 390, height: 844 };
const HYBRID = 'cafe-hybride';

type Listed = { id: string; slug: string; title: string; capacityOnsite: number | null; confirmedOnsite: number; confirmedOnline: number };

async function hybridSession(request: APIRequestContext): Promise<Listed> {
  const sessions = (await (await request.get('/api/events/edition-demo/sessions')).json()) as Listed[];
  return sessions.find((s) => s.slug === HYBRID)!;
}

async function registerByApi(request: APIRequestContext, name: string, sessionId: string, mode: 'onsite' | 'online') {
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${RUN_ID}@chemins.test`, sessionIds: [sessionId], modes: { [sessionId]: mode }, consent: true },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { joinToken: string; sessions: { sessionId: string; status: string; mode: string }[] };
  expect(body.sessions[0]).toMatchObject({ sessionId, mode });
  return body.joinToken;
}

test('a registrant chooses on site, another online; full chairs mean the on-site waiting list; counts, check-in and the room screen show both', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const hybrid = await hybridSession(request);
  expect(hybrid.capacityOnsite).toBe(3);

  // 1. On a phone, the form: the hybrid session asks where one will be; on site is chosen.
  const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
  await visitor.goto(`${DEMO_EVENT}/register`);
  await visitor.getByRole('checkbox', { name: /Café hybride/ }).check();
  const where = visitor.getByRole('group', { name: /Participation à « Café hybride/ });
  await expect(where.getByRole('radio', { name: /en ligne/ })).toBeChecked();
  await where.getByRole('radio', { name: /sur place/ }).check();
  await visitor.getByLabel('Nom', { exact: true }).fill('Sacha Sur Place');
  await visitor.getByLabel('Adresse e-mail').fill(`sacha-${RUN_ID}@chemins.test`);
  await visitor.getByLabel(/J’accepte/).check();
  await visitor.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(visitor.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
  const mine = visitor.getByTestId('my-seats').locator('li', { hasText: 'Café hybride' });
  await expect(mine.getByTestId('my-mode')).toHaveAttribute('data-mode', 'onsite');
  await expect(mine.getByTestId('my-mode')).toHaveText('Vous participez sur place.');
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // 2. Another registrant online (the public API), then the chairs fill up.
  const onlineToken = await registerByApi(request, `Olga En Ligne ${RUN_ID}`, hybrid.id, 'online');
  const taken = (await hybridSession(request)).confirmedOnsite;
  for (let i = taken; i < 3; i++) await registerByApi(request, `Chaise ${i} ${RUN_ID}`, hybrid.id, 'onsite');
  await expect.poll(async () => (await hybridSession(request)).confirmedOnsite).toBe(3);

  // 3. The form now says the chairs are full: on site is the waiting list; online still has seats or its own list.
  const late = await (await browser.newContext({ viewport: PHONE })).newPage();
  await late.goto(`${DEMO_EVENT}/register`);
  const modes = late.locator(`[data-modes-of="${hybrid.id}"]`);
  await expect(modes.locator('[data-seats-mode="onsite"]')).toHaveText('complet : liste d’attente');

  // 4. The organizer's counts show both modes.
  const organizer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  await organizer.goto('/organize/edition-demo');
  await expect(organizer.getByTestId('session-counts').locator(`[data-session-slug="${HYBRID}"]`).getByTestId('hybrid-seats')).toContainText('sur place 3 / 3');

  // 5. Check-in is for chairs: the online registrant is refused, clearly (no chair is free).
  await organizer.goto('/organize/edition-demo/checkin');
  const code = organizer.getByRole('textbox', { name: 'Code ou lien personnel' });
  await code.fill(onlineToken);
  await code.press('Enter');
  const refused = organizer.getByRole('alert').filter({ hasText: 'Inscrit·e en ligne' });
  await expect(refused).toBeVisible();
  await expect(refused).toHaveAttribute('data-state', 'online');
  await expect(refused.getByTestId('no-chair')).toHaveText('Aucune chaise libre dans ses sessions hybrides : l’entrée est refusée.');
  await expect(organizer.getByText('Arrivée enregistrée', { exact: true })).toHaveCount(0);
});

test('the room screen shows now and next, presence on site and online, and the QR code to ask', async ({ browser }) => {
  const screen = await (await browser.newContext({ viewport: PHONE })).newPage();
  await screen.goto(`${DEMO_EVENT}/rooms/salle-en-ligne/screen`);
  await expect(screen.getByRole('heading', { level: 1, name: 'Salle en ligne' })).toBeVisible();
  await expect(screen.getByTestId('screen-now')).toContainText('Ouverture en direct');
  await expect(screen.getByTestId('screen-now')).toContainText('avec Intervenante (démo)');
  await expect(screen.getByTestId('screen-presence').locator('[data-count="onsite"]')).toHaveText(/^\d+$/);
  await expect(screen.getByTestId('screen-presence').locator('[data-count="online"]')).toHaveText(/^\d+$/);
  await expect(screen.getByRole('img', { name: /Code QR pour poser des questions à « Ouverture en direct/ })).toBeVisible();
  await expect(screen.getByTestId('screen-ask-url')).toHaveText(/\/q\/[0-9a-f]{8}$/);
  // Without JavaScript it refreshes itself.
  await expect(screen.locator('noscript')).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page: screen }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Another room: nothing now, the next session.
  await screen.goto(`${DEMO_EVENT}/rooms/grande-salle/screen`);
  await expect(screen.getByTestId('screen-now')).toContainText('Pas de session en cours dans cette salle.');
  await expect(screen.getByTestId('screen-next')).toContainText('Table ronde : tiers-lieux et médiation numérique');
  // An unknown room is a 404.
  expect((await screen.goto(`${DEMO_EVENT}/rooms/pas-une-salle/screen`))!.status()).toBe(404);
});

import { expect, test } from '@playwright/test';
import { DEMO_EVENT, RUN_ID, signInWithMagicLink } from './support/helpers';

// Known people are not strangers (issue 34, item 7), on a phone: a signed-in person's registration
// form starts with what is known of them, their registration is theirs at once (no mail to wait
// for), "Mon inscription" leads to their registrations, and the personal page adds and leaves
// sessions with the registration's rules.

test.use({ viewport: { width: 390, height: 844 } });

const ROUND_TABLE = /Table ronde : tiers-lieux/;
const STORY = /Récit de territoire/;
const INVITATION_ONLY = /Réunion des coordinatrices/;

test('a signed-in registration prefilled, told where its places are; /r adds and leaves sessions', async ({ page, request }) => {
  const email = `connue-${RUN_ID}@chemins.test`;
  const name = `Connue ${RUN_ID}`;
  // Known from an earlier registration (another event), linked to the account when she signs in.
  const earlier = await request.post('/api/events/forum-usages-cooperatifs-2018/registrations', { data: { name, email, consent: true } });
  expect(earlier.status()).toBe(201);
  await signInWithMagicLink(page, email);

  await page.goto(`${DEMO_EVENT}/register`);
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await expect(page.locator('main')).toContainText('Vous êtes connecté·e');
  await page.getByRole('checkbox', { name: STORY }).check();
  await page.getByLabel(/J’accepte/).check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();

  await expect(page).toHaveURL(/\/r\?new=account$/);
  const status = page.locator('main').getByRole('status').first();
  await expect(status).toContainText('vos places sont ci-dessous');
  await expect(status).not.toContainText('e-mail');
  const demo = page.getByTestId('registration').filter({ hasText: 'édition de démonstration' });
  await expect(demo.getByTestId('my-seats')).toContainText('Récit de territoire');

  // "Mon inscription" in the header: her registrations (both events), nothing about signing in.
  await page.goto('/');
  await page.getByRole('link', { name: 'Mon inscription' }).click();
  await expect(page).toHaveURL(/\/r$/);
  await expect(page.getByTestId('registration')).toHaveCount(2);
  await expect(page.locator('main')).not.toContainText('connectez-vous');

  // Add a session from the personal page.
  const add = demo.getByTestId('add-sessions');
  await add.getByRole('checkbox', { name: ROUND_TABLE }).check();
  await add.getByRole('button', { name: 'Ajouter ces sessions' }).click();
  await expect(page.locator('main').getByRole('status').first()).toHaveText('Sessions ajoutées.');
  await expect(demo.getByTestId('my-seats')).toContainText('Table ronde : tiers-lieux');
  // Not offered again once held.
  await expect(demo.getByTestId('add-sessions').getByRole('checkbox', { name: ROUND_TABLE })).toHaveCount(0);

  // A session by invitation needs its code, as at registration: refused, nothing added.
  await demo.getByTestId('add-sessions').getByRole('checkbox', { name: INVITATION_ONLY }).check();
  await demo.getByTestId('add-sessions').getByRole('button', { name: 'Ajouter ces sessions' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText('Cette session est sur invitation');
  await expect(demo.getByTestId('my-seats')).not.toContainText('Réunion des coordinatrices');

  // Nothing ticked: said so.
  await demo.getByTestId('add-sessions').getByRole('button', { name: 'Ajouter ces sessions' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText('Cochez au moins une session');

  // Leave one: it is offered again.
  await demo.getByTestId('my-seats').locator('li', { hasText: 'Récit de territoire' }).getByRole('button', { name: 'Me désinscrire de cette session' }).click();
  await expect(demo.getByTestId('my-seats')).not.toContainText('Récit de territoire');
  await expect(demo.getByTestId('add-sessions').getByRole('checkbox', { name: STORY })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/known-r-390.png', fullPage: true });
});

test('"Mon inscription" for a signed-in person without registrations says none is linked, not to sign in', async ({ page }) => {
  const email = `sans-inscription-${RUN_ID}@chemins.test`;
  await signInWithMagicLink(page, email);
  await page.getByRole('link', { name: 'Mon inscription' }).click();
  await expect(page.locator('main')).toContainText(`Aucune inscription n’est liée à votre compte (${email})`);
  await expect(page.locator('main')).not.toContainText('connectez-vous');
  await page.getByRole('link', { name: 'Voir les événements' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a registration with no session adds one from /r', async ({ page }) => {
  await page.goto(`${DEMO_EVENT}/register`);
  // A stranger: a blank form.
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('');
  await page.getByLabel('Nom', { exact: true }).fill(`Sans Session ${RUN_ID}`);
  await page.getByLabel('Adresse e-mail').fill(`sans-session-${RUN_ID}@chemins.test`);
  await page.getByLabel(/J’accepte/).check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.locator('main').getByRole('status').first()).toContainText('un e-mail de confirmation arrive');
  await expect(page.getByText('Aucune session choisie.')).toBeVisible();
  const add = page.getByTestId('add-sessions');
  await add.getByRole('checkbox', { name: ROUND_TABLE }).check();
  await add.getByRole('button', { name: 'Ajouter ces sessions' }).click();
  await expect(page.getByTestId('my-seats')).toContainText('Table ronde : tiers-lieux');
});

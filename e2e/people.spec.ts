import { expect, test } from '@playwright/test';
import { signInWithMagicLink } from './support/helpers';

// Numérique en Commun[s] 2018 (demo data from its printed programme), speakers and organizations.
const NEC = '/events/numerique-en-communs-2018';

test('the NEC 2018 programme filters by room and by format, and shows partner programmes', async ({ page }) => {
  await page.goto(NEC);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Numérique en Commun[s] 2018');
  const all = await page.locator('[data-session-slug]').count();
  expect(all).toBeGreaterThan(80);

  // By room: Espace 7 holds the "20 minutes avec" talks only.
  await page.getByLabel('Salle').selectOption({ label: 'Espace 7' });
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page).toHaveURL(/room=espace-7/);
  const talks = page.locator('[data-session-slug]');
  await expect(talks).toHaveCount(21);
  await expect(talks.first()).toContainText('20 minutes avec');
  await expect(page.locator('[data-session-slug="20-minutes-avec-decidim-reprogrammer-la-democratie"]')).toContainText('Virgile Deville');

  // By format: the thirteen "regards croisés" duos.
  await page.getByRole('link', { name: 'Effacer les filtres' }).click();
  await expect(page).toHaveURL(/numerique-en-communs-2018$/);
  await page.getByLabel('Formule').selectOption({ label: 'Regards croisés' });
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page).toHaveURL(/format=regards_croises/);
  await expect(page.locator('[data-session-slug]')).toHaveCount(13);
  await expect(page.locator('[data-session-slug="regards-croises-self-data-reprenons-le-controle"]')).toContainText('Laure Lucchesi');

  // By partner programme: the six sessions of Inno³'s programme on the commons, shown as such.
  await page.getByRole('link', { name: 'Effacer les filtres' }).click();
  await expect(page).toHaveURL(/numerique-en-communs-2018$/);
  await page.getByLabel('Parcours proposé par').selectOption({ label: 'Inno³' });
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const commons = page.locator('[data-session-slug]');
  await expect(commons).toHaveCount(6);
  await expect(commons.first().getByTestId('programme-by')).toHaveText('Parcours Inno³');
});

test('an invitation-only off says it is on invitation and asks for its code', async ({ page }) => {
  await page.goto(NEC);
  const off = page.locator('[data-session-slug="off-club-des-utilisateurs-decidim"]');
  await expect(off.locator('[data-badge="invitation"]')).toBeVisible();
  await off.getByRole('link', { name: 'Club des utilisateurs francophones de Decidim' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Club des utilisateurs francophones de Decidim');
  await expect(page.getByTestId('invitation-notice')).toContainText('code d’invitation');
  // Organized by an organization, shown as one (linked to its page), not as a person.
  await expect(page.locator('[data-contributor="organization"]').getByRole('link', { name: 'Open Source Politics' })).toBeVisible();
  await expect(page.locator('[data-contributor="person"]')).toHaveCount(0);
  // An open off does not ask for a code.
  await page.goto(`${NEC}/sessions/off-reseau-cybanjou`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cybanjou');
  await expect(page.getByTestId('invitation-notice')).toHaveCount(0);
});

test('a speaker page lists their sessions from two events, one person whatever the spelling', async ({ page }) => {
  await page.goto(`${NEC}/sessions/regards-croises-inclusion-mediation-pouvoir-d-agir`);
  await page.getByRole('link', { name: 'Jacques-François Marchandise' }).click();
  await expect(page).toHaveURL(/\/people\/jacques-francois-marchandise$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jacques-François Marchandise');
  const sessions = page.getByTestId('contributed-sessions');
  await expect(sessions.locator('[data-event="forum-usages-cooperatifs-2018"] [data-session-slug="atelier-environnements-capacitants"]')).toBeVisible();
  await expect(sessions.locator('[data-event="numerique-en-communs-2018"] [data-session-slug]')).toHaveCount(2);
  // "JF Marchandise", coordinator of a 2020 path, is the same person.
  await expect(page.getByRole('link', { name: 'Circuits courts et autonomie alimentaire' })).toBeVisible();
  // His organization's page lists its sessions across events and its programme.
  await page.getByTestId('affiliations').getByRole('link', { name: 'FING' }).click();
  await expect(page.getByTestId('organization-kind')).toHaveText('Organisation : association');
  await expect(page.getByTestId('contributed-sessions').locator('[data-event]')).toHaveCount(2);
});

test('the 2018 forum shows its organizers, supporters and partners as organizations', async ({ page }) => {
  await page.goto('/events/forum-usages-cooperatifs-2018');
  const orgs = page.getByTestId('event-organizations');
  await expect(orgs.getByRole('link', { name: 'Région Bretagne' })).toBeVisible();
  await expect(orgs.getByRole('link', { name: 'Tiriad' })).toBeVisible();
  await expect(orgs.getByRole('link', { name: 'Julie Boiveau' })).toHaveAttribute('href', '/people/julie-boiveau');
  await orgs.getByRole('link', { name: 'Région Bretagne' }).click();
  await expect(page.getByTestId('organization-kind')).toHaveText('Organisation : organisme public');
  await expect(page.getByRole('link', { name: /Forum des usages coopératifs 2018/ })).toBeVisible();
});

test('an admin is told plainly when two records cannot be merged, and nothing changes', async ({ page }) => {
  await signInWithMagicLink(page, 'admin-e2e@chemins.test');
  await page.goto('/admin');
  await page.getByLabel('Fiche à fondre').fill('personne-inconnue');
  await page.getByLabel('Fiche gardée').fill('norbert-friant');
  await page.getByRole('button', { name: 'Fusionner' }).click();
  await expect(page.locator('#merge').getByRole('alert')).toHaveText('Fiche introuvable.');
  await page.getByLabel('Fiche à fondre').fill('norbert-friant');
  await page.getByLabel('Fiche gardée').fill('norbert-friant');
  await page.getByRole('button', { name: 'Fusionner' }).click();
  await expect(page.locator('#merge').getByRole('alert')).toHaveText('Indiquez deux fiches différentes.');
  await page.goto('/people/norbert-friant');
  await expect(page.getByTestId('contributed-sessions').locator('[data-event]')).toHaveCount(2);
});

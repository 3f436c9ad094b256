import { expect, test } from '@playwright/test';
import { RUN_ID, signInWithMagicLink } from './support/helpers';

// This run's sessions: their own slugs, on a day of their own (one per minute over ten years from
// 2030), so that an earlier run's sessions neither clash with these slugs nor occupy the room.
const conference = `conference-e2e-${RUN_ID}`;
const other = `autre-e2e-${RUN_ID}`;
const day = new Date(Date.UTC(2030, 0, 1) + (Math.floor(Date.now() / 60_000) % 3650) * 86_400_000).toISOString().slice(0, 10);

test('an organizer adds a session; an overlap in the same room is refused with a clear message', async ({ page }) => {
  await signInWithMagicLink(page, 'organisatrice@chemins.test');
  await page.goto('/organize/edition-demo');
  await page.getByRole('link', { name: 'Nouvelle session' }).click();
  const fill = async (slug: string, title: string, start: string, end: string) => {
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Adresse (slug)').fill(slug);
    await page.getByLabel('Jour').fill(day);
    await page.getByLabel('Début').fill(start);
    await page.getByLabel('Fin').fill(end);
    await page.getByLabel('Salle', { exact: true }).selectOption({ label: 'Grande salle' });
  };
  // A session that ends before it starts is refused on the field.
  await fill(conference, `Conférence e2e ${RUN_ID}`, '15:00', '14:00');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La fin doit venir après le début.')).toBeVisible();
  await expect(page.getByLabel('Fin')).toHaveAccessibleDescription('La fin doit venir après le début.');
  await page.getByLabel('Fin').fill('16:00');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('main').getByRole('status')).toHaveText('Enregistré.');
  await expect(page.getByTestId('organizer-programme')).toContainText(`Conférence e2e ${RUN_ID}`);

  await page.getByRole('link', { name: 'Nouvelle session' }).click();
  await fill(other, `Autre e2e ${RUN_ID}`, '15:30', '16:30');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const alert = page.locator('main').getByRole('alert');
  await expect(alert).toContainText('Cette salle est déjà occupée à ce moment-là.');
  // The room's field names the session it clashes with, in the page's language.
  await expect(page.getByLabel('Salle', { exact: true })).toHaveAccessibleDescription(`« Grande salle » est déjà occupée à ce moment-là par « Conférence e2e ${RUN_ID} ».`);
  await page.goto('/events/edition-demo');
  await expect(page.locator(`[data-session-slug="${conference}"]`)).toBeVisible();
  await expect(page.locator(`[data-session-slug="${other}"]`)).toHaveCount(0);
});

test('somebody who does not organize the event cannot open its organizer area', async ({ page }) => {
  await signInWithMagicLink(page, `curieux-${Date.now()}@chemins.test`);
  await page.goto('/organize/edition-demo');
  await expect(page.locator('main').getByRole('alert')).toHaveText('Cette page est réservée à l’équipe d’organisation de l’événement.');
  const csv = await page.request.get('/api/events/edition-demo/registrations.csv');
  expect(csv.status()).toBe(403);
});

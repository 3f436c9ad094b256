import { expect, test } from '@playwright/test';
import { RUN_ID, signInWithMagicLink } from './support/helpers';

test('a malformed e-mail on the sign-in form gets a clear message', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill('pas-une-adresse@');
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText(/Saisissez une adresse e-mail valide/);
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/signin$/);
});

test('a user signs in with a magic link received by mail and lands signed in', async ({ page }) => {
  const email = `participante-${Date.now()}@chemins.test`;
  await signInWithMagicLink(page, email);
  await expect(page.getByTestId('signed-in-as')).toContainText(email);
  // The session survives a reload (database session, cookie).
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText(email);
  // Signing out ends the database session: a reload stays signed out.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('an ADMIN_EMAILS address becomes admin on sign-in and can grant a role', async ({ page }) => {
  const moderator = `nouvelle-moderatrice-${RUN_ID}@chemins.test`;
  await signInWithMagicLink(page, 'admin-e2e@chemins.test');
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByLabel('E-mail').fill(moderator);
  await page.getByLabel('Rôle').selectOption('moderator');
  await page.getByRole('button', { name: 'Attribuer' }).click();
  // Without an event the request is refused with a clear message naming the field.
  await expect(page.locator('main').getByRole('alert')).toContainText('se donnent pour un événement');
  await page.getByLabel(/Événement/).selectOption({ label: 'Chemins — édition de démonstration' });
  await page.getByRole('button', { name: 'Attribuer' }).click();
  await expect(page.locator('main').getByRole('status')).toHaveText('Rôle attribué.');
  await expect(page.getByRole('row', { name: `${moderator} moderator` })).toBeVisible();
});

import { expect, type Locator, test } from '@playwright/test';
import { LIVE_SESSION, registrant, signInWithMagicLink } from './support/helpers';

const LAPTOP = { width: 1280, height: 720 };

/** The element's box lies wholly inside the window (nothing to scroll to reach it). */
async function expectInViewport(el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box, 'laid out').toBeTruthy();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(LAPTOP.height);
  expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
  return box;
}

test('the moderation view on a laptop: questions, chat and people at once; labels that say what happens', async ({ browser }) => {
  const stamp = Date.now();
  const nadia = await registrant(browser, 'Nadia Muette');
  await nadia.getByLabel('Votre question').fill(`Une question pour la modération ${stamp}`);
  await nadia.getByRole('button', { name: 'Envoyer la question' }).click();

  const mod = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();

  // Questions, chat and people side by side, all three inside the window, without scrolling.
  await expect(mod.getByTestId('mod-question').filter({ hasText: String(stamp) })).toBeVisible();
  const questions = await expectInViewport(mod.getByTestId('questions-column'));
  const chat = await expectInViewport(mod.getByTestId('chat-column'));
  const people = await expectInViewport(mod.getByTestId('people-column'));
  expect(questions.x + questions.width).toBeLessThanOrEqual(chat.x);
  expect(chat.x + chat.width).toBeLessThanOrEqual(people.x);
  await expectInViewport(mod.getByRole('heading', { name: 'Questions' }));
  await expectInViewport(mod.getByLabel('Votre message'));
  await expectInViewport(mod.getByRole('heading', { name: 'Qui est là' }));
  expect(await mod.evaluate(() => window.scrollY)).toBe(0);

  // The recording button says what it does.
  await expect(mod.getByTestId('recording-start')).toHaveText('Démarrer l’enregistrement');
  // A refusal says what to do (the room is empty: nobody to record), never "tell the team".
  await mod.getByTestId('recording-start').click();
  const refusal = mod.getByTestId('recording-status').getByRole('alert');
  await expect(refusal).toContainText(/démarrez l’enregistrement|ajoutez la vidéo ensuite comme replay/);
  await expect(refusal).not.toContainText('prévenez l’équipe');

  // "Rétablir la parole" only for someone muted.
  const row = mod.getByTestId('people').getByRole('listitem').filter({ hasText: 'Nadia Muette' });
  await expect(row.getByRole('button', { name: 'Rendre muet 10 min' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Rétablir la parole' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Rendre muet 10 min' }).click();
  await expect(row.getByRole('button', { name: 'Rétablir la parole' })).toBeVisible();
  await expect(row).toContainText('muet·te');
  await expect(row.getByRole('button', { name: 'Rendre muet 10 min' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Rétablir la parole' }).click();
  await expect(row.getByRole('button', { name: 'Rendre muet 10 min' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Rétablir la parole' })).toHaveCount(0);
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { closeOwnContexts, LIVE_SESSION, RUN_ID, registrant, signInWithMagicLink } from './support/helpers';

// Issue 34, item 5, on a phone: irreversible actions ask first (components/ConfirmAction.tsx).
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 390, height: 844 } });
test.afterEach(closeOwnContexts);

const MODERATOR = 'moderateur@chemins.test';
const REQUESTED = 'Rapporteur·rice de session';

/** A new registration to the demo event's workshop, and its personal link opened in a fresh browser. */
async function personalPage(browser: Browser, name: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, ...options })).newPage();
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const workshop = sessions.find((s: { slug: string }) => s.slug === 'atelier-documenter-ensemble');
  const res = await page.request.post('/api/events/edition-demo/registrations', {
    data: { name, email: `annule-${RUN_ID}-${Date.now()}@chemins.test`, sessionIds: [workshop.id], consent: true },
  });
  expect(res.status()).toBe(201);
  await page.goto(`/r/${(await res.json()).joinToken}`);
  await expect(page.getByTestId('my-seats')).toContainText('Atelier : documenter ensemble');
  return page;
}

test('cancelling a whole registration on /r asks first: going back keeps it, confirming cancels it', async ({ browser }) => {
  const page = await personalPage(browser, 'Odile Annule');
  await page.getByRole('button', { name: 'Annuler toute mon inscription' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Annuler toute votre inscription à');
  await expect(dialog).toContainText('Ce n’est pas réversible');
  // The safe choice has the focus; going back changes nothing.
  await expect(dialog.getByRole('button', { name: 'Non, revenir' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Non, revenir' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('registration-cancelled')).toHaveCount(0);
  await expect(page.getByTestId('my-seats')).toContainText('Atelier : documenter ensemble');
  // Escape too.
  await page.getByRole('button', { name: 'Annuler toute mon inscription' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('registration-cancelled')).toHaveCount(0);

  await page.getByRole('button', { name: 'Annuler toute mon inscription' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
  await expect(page.getByTestId('registration-cancelled')).toBeVisible();
});

test('without JavaScript, cancelling a whole registration is two steps as well', async ({ browser }) => {
  const page = await personalPage(browser, 'Noé Sansjs', { javaScriptEnabled: false });
  await page.getByTestId('cancel-all').click();
  await expect(page.getByTestId('registration-cancelled')).toHaveCount(0);
  await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
  await expect(page.getByTestId('registration-cancelled')).toBeVisible();
});

test('revoking a badge asks first and names the person; the revoke hits that badge, and new badges come at the end of the list', async ({ page, browser }) => {
  // A participant asks for a badge; the moderator validates it.
  await signInWithMagicLink(page, `revoque-${RUN_ID}@chemins.test`);
  await page.goto('/events/edition-demo/badges');
  const card = page.getByTestId('achievement').filter({ hasText: REQUESTED });
  await card.getByLabel('Ce que vous avez fait (lien, description…)').fill(`Compte rendu ${RUN_ID}`);
  await card.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByTestId('badge-outcome')).toContainText('Demande envoyée');

  const mod = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInWithMagicLink(mod, MODERATOR);
  await mod.goto('/organize/edition-demo/badges');
  const issued = () => mod.getByTestId('issued-badge').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-award')!));
  const before = await issued();
  const request = mod.getByTestId('pending-request').filter({ hasText: `revoque-${RUN_ID}@chemins.test` });
  const awardId = await request.locator('input[name="awardId"]').inputValue();
  const who = (await request.locator('p.font-semibold').textContent())!.split(' — ')[1]!.replace(/ \(.*\)$/, '');
  await request.getByRole('button', { name: 'Valider et émettre' }).click();
  await expect(mod.getByTestId('badge-outcome')).toContainText('Demande validée');

  // The badges listed before keep their places; the new one comes after them.
  const after = await issued();
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after.slice(before.length)).toContain(awardId);

  const row = mod.locator(`[data-testid="issued-badge"][data-award="${awardId}"]`);
  const revokedBefore = await mod.getByTestId('issued-badge').filter({ hasText: 'Révoqué par l’émetteur' }).count();
  await row.getByRole('button', { name: 'Révoquer' }).click();
  const dialog = mod.getByRole('alertdialog');
  await expect(dialog).toContainText(`Révoquer le badge « ${REQUESTED} » de ${who} ?`);
  await dialog.getByRole('button', { name: 'Non, revenir' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).not.toContainText('Révoqué par l’émetteur');

  await row.getByRole('button', { name: 'Révoquer' }).click();
  await mod.getByRole('alertdialog').getByRole('button', { name: 'Oui, révoquer' }).click();
  await expect(mod.getByTestId('badge-outcome')).toBeVisible();
  await expect(mod.locator(`[data-testid="issued-badge"][data-award="${awardId}"]`)).toContainText('Révoqué par l’émetteur');
  // That badge and no other.
  await expect(mod.getByTestId('issued-badge').filter({ hasText: 'Révoqué par l’émetteur' })).toHaveCount(revokedBefore + 1);
});

test('"Exclure" in the moderation view asks first, names the person, and can be undone from the sanctions', async ({ browser }) => {
  const name = `Zoé Exclue ${RUN_ID}`;
  const mod = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInWithMagicLink(mod, MODERATOR);
  const zoe = await registrant(browser, name);
  await mod.goto(`${LIVE_SESSION}/moderate`);
  const person = mod.getByTestId('people').getByRole('listitem').filter({ hasText: name });
  await expect(person).toBeVisible();

  await person.getByRole('button', { name: 'Exclure' }).click();
  const dialog = mod.getByRole('alertdialog');
  await expect(dialog).toContainText(`Exclure ${name} de cette session ?`);
  await dialog.getByRole('button', { name: 'Non, revenir' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(mod.getByTestId('sanctions').filter({ hasText: name })).toHaveCount(0);

  await person.getByRole('button', { name: 'Exclure' }).click();
  await mod.getByRole('alertdialog').getByRole('button', { name: 'Oui, exclure' }).click();
  await expect(mod.getByRole('alertdialog')).toHaveCount(0);
  const sanction = mod.getByTestId('sanctions').getByRole('listitem').filter({ hasText: name });
  await expect(sanction).toContainText('exclu·e de la session');
  await expect(zoe.getByText('La modération vous a exclu·e de cette session.').first()).toBeVisible();

  // The way back: "Réintégrer".
  await sanction.getByRole('button', { name: 'Réintégrer' }).click();
  await expect(sanction).toHaveCount(0);
  await expect(zoe.getByText('Vous pouvez revenir dans cette session.').first()).toBeVisible();
});

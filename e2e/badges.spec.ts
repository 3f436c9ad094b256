import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { RUN_ID, signInWithMagicLink } from './support/helpers';

// Two people in two browsers, each signing in by mail, on a shared machine.
test.describe.configure({ timeout: 120_000 });

const MODERATOR = 'moderateur@chemins.test';
const REQUESTED = 'Rapporteur·rice de session';

test('a participant requests a badge with evidence, a moderator validates it, the participant accepts it; its verification page says valid signed out, and it downloads', async ({ page, browser }) => {
  const email = `badge-${RUN_ID}@chemins.test`;
  const evidence = `Compte rendu de l’atelier ${RUN_ID} : https://example.org/cr-${RUN_ID}`;

  // The participant asks for the badge, with evidence.
  await signInWithMagicLink(page, email);
  await page.goto('/events/edition-demo/badges');
  const card = page.getByTestId('achievement').filter({ hasText: REQUESTED });
  await card.getByLabel('Ce que vous avez fait (lien, description…)').fill(evidence);
  await card.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByTestId('badge-outcome')).toContainText('Demande envoyée');
  await expect(page.getByTestId('achievement').filter({ hasText: REQUESTED }).getByTestId('my-status')).toContainText('Demande en attente');

  // The moderator validates it.
  const modContext = await browser.newContext();
  const mod = await modContext.newPage();
  await signInWithMagicLink(mod, MODERATOR);
  await mod.goto('/organize/edition-demo/badges');
  const request = mod.getByTestId('pending-request').filter({ hasText: email });
  await expect(request).toContainText(evidence);
  await request.getByRole('button', { name: 'Valider et émettre' }).click();
  await expect(mod.getByTestId('badge-outcome')).toContainText('Demande validée');
  await expect(mod.getByTestId('pending-request').filter({ hasText: email })).toHaveCount(0);
  await modContext.close();

  // The participant accepts it in their portfolio.
  await page.goto('/badges');
  const badge = page.getByTestId('badge').filter({ hasText: REQUESTED });
  await expect(badge).toHaveAttribute('data-status', 'offered');
  await badge.getByRole('button', { name: 'Accepter' }).click();
  await expect(page.getByTestId('badge-outcome')).toContainText('Badge accepté');
  const accepted = page.getByTestId('badge').filter({ hasText: REQUESTED });
  await expect(accepted).toHaveAttribute('data-status', 'accepted');

  // Download: the signed credential as JSON, and the baked SVG carrying it.
  const [json] = await Promise.all([page.waitForEvent('download'), accepted.getByRole('link', { name: 'Télécharger (JSON)' }).click()]);
  const credential = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(credential.proof[0]).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
  expect(credential.evidence[0].narrative).toBe(evidence);
  const [svg] = await Promise.all([page.waitForEvent('download'), accepted.getByRole('link', { name: 'Télécharger l’image (SVG)' }).click()]);
  expect(await readFile((await svg.path())!, 'utf8')).toContain('<openbadges:credential>');

  // Signed out, anyone opens its verification page: valid.
  const share = await accepted.getByRole('link', { name: 'Page de vérification à partager' }).getAttribute('href');
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(share!);
  await expect(visitor.getByTestId('signed-in-as')).toHaveCount(0);
  await expect(visitor.getByTestId('verdict')).toHaveAttribute('data-state', 'valid');
  await expect(visitor.getByTestId('verdict')).toContainText('Ce badge est authentique et valide.');

  // The same credential with one character changed, pasted into the page's form: altered.
  const tampered = JSON.stringify(credential).replace(evidence, evidence.replace('atelier', 'ateliers'));
  await visitor.getByLabel('Badge (JSON)').fill(tampered);
  await visitor.getByRole('button', { name: 'Vérifier' }).click();
  await expect(visitor.getByTestId('paste-verdict')).toHaveAttribute('data-state', 'invalid');

  // And the public API says the same as the page.
  const verdict = await (await visitor.request.post('/api/credentials/verify', { data: { credential } })).json();
  expect(verdict).toMatchObject({ verified: true, errors: [] });
  await visitorContext.close();
});

import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { mailMatching, signInWithMagicLink } from './support/helpers';

// Long journeys through several browsers on a shared machine.
test.describe.configure({ timeout: 120_000 });

const PATH = '/paths/vers-une-sante-ouverte';
const COORDINATOR = 'coordinatrice@chemins.test';

/** A word nobody else uses, so that search finds this run's resource only. */
const word = () =>
  `quinoaculture${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;


async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Ajouter une pièce jointe').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
}

test('a coordinator publishes a resource with an attachment; a visitor finds it by search, on the path page and in the feed', async ({ page, browser }) => {
  const key = word();
  const title = `Fiche ${key}`;
  await signInWithMagicLink(page, COORDINATOR);
  await page.goto(PATH);
  await page.getByTestId('manage-link').click();
  await expect(page.getByRole('heading', { name: /Gestion du chemin/ })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle ressource' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle ressource' })).toBeVisible();

  // A program renamed .pdf is refused with a clear message; a real PDF is kept for the form.
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  await upload(page, 'rapport.pdf', 'application/pdf', exe);
  await expect(page.getByTestId('upload-error')).toHaveText('Les programmes ne peuvent pas être joints.');
  await upload(page, 'fiche.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
  await expect(page.getByTestId('form-attachments')).toContainText('fiche.pdf');

  const form = page.getByTestId('resource-form');
  // A missing title is refused on the field, and what was typed stays.
  await form.getByLabel('Résumé').fill(`Résumé de la fiche ${key}.`);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('Vérifiez les champs signalés.');
  await expect(form.getByLabel('Résumé')).toHaveValue(`Résumé de la fiche ${key}.`);

  await form.getByLabel('Titre').fill(title);
  await form.getByLabel('Format').selectOption({ label: 'Fiche initiative' });
  await form.getByLabel('Texte (Markdown)').fill(
    `## Ce que nous avons appris\n\nUn **atelier** ${key}. <script>window.__pwned = 1</script>\n\n[clic](javascript:window.__pwned=2) <img src=x onerror="window.__pwned=3">`,
  );
  await form.getByLabel(/^Auteurs/).fill('Léa Martin (Réseau Santé)\norg: Hôpital ouvert');
  await form.getByLabel('Licence').selectOption('CC-BY-4.0');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText('Enregistré.');
  await expect(page.getByTestId('revisions')).toContainText('création');
  // The history names the fields as the form does, never by their names in the code.
  await expect(page.getByTestId('revisions')).toContainText(
    'Champs modifiés : Titre, Résumé, Texte (Markdown), Format, Langue, Licence, Auteurs, Statut, Chemins, Pièces jointes',
  );

  // Published from the workflow panel.
  await page.getByRole('form', { name: title }).getByRole('button', { name: 'Publier' }).click();
  await expect(page.locator('[data-status="published"]').first()).toBeVisible();
  await expect(page.getByTestId('revisions')).toContainText('publication');
  const newest = page.getByTestId('revisions').locator('li').first();
  await expect(newest).toContainText('Champs modifiés : Statut');
  await newest.getByText('Voir les différences').click();
  await expect(newest.locator('dt')).toHaveText(['Statut']);
  // Values read as the page says them: the statuses' names, not the stored words.
  await expect(newest.locator('dd del')).toHaveText('Brouillon');
  await expect(newest.locator('dd ins')).toHaveText('Publiée');
  await expect(page.getByTestId('revisions')).not.toContainText(/\b(title|summary|body|licence|authors|status|pathIds|attachmentIds)\b/);

  // A visitor (not signed in) finds it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/search');
  await visitor.getByLabel('Mots recherchés').fill(key);
  await visitor.getByRole('button', { name: 'Rechercher' }).click();
  const results = visitor.getByTestId('search-results');
  await expect(results.locator('mark').first()).toContainText(key);
  await results.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(visitor.getByTestId('authors')).toContainText('Léa Martin (Réseau Santé), Hôpital ouvert');
  await expect(visitor.getByRole('link', { name: /Creative Commons Attribution 4.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
  // The Markdown is rendered, its script, event handler and javascript: link inert.
  await expect(visitor.getByRole('heading', { name: 'Ce que nous avons appris' })).toBeVisible();
  expect(await visitor.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(visitor.locator('[data-testid="resource"] script')).toHaveCount(0);
  await expect(visitor.locator('[data-testid="resource"] a[href^="javascript"]')).toHaveCount(0);
  const attachment = visitor.getByTestId('attachments').getByRole('link', { name: /fiche\.pdf/ });
  const file = await visitor.request.get((await attachment.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');

  await visitor.goto(PATH);
  await expect(visitor.getByTestId('path-resources').getByRole('link', { name: title })).toBeVisible();
  await visitor.getByLabel('Format').selectOption({ label: 'Fiche initiative' });
  await visitor.getByRole('button', { name: 'Appliquer' }).click();
  await expect(visitor.getByTestId('path-resources').getByRole('link', { name: title })).toBeVisible();
  await expect(visitor.getByTestId('path-resources').locator('[data-format]').filter({ hasNotText: 'Fiche initiative' })).toHaveCount(0);

  const feed = await visitor.request.get(await visitor.getByTestId('path-feed').getAttribute('href').then((h) => h!));
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(title);

  await visitor.goto('/paths');
  await expect(visitor.locator('[data-path-slug="vers-une-sante-ouverte"]')).toBeVisible();
});

test('a registrant proposes a resource through their personal link; the coordinator declines it with a reason, which is mailed', async ({ page, browser, request }) => {
  const key = word();
  const title = `Proposition ${key}`;
  const email = `proposante-${Date.now()}@chemins.test`;
  const registered = await request.post('/api/events/edition-demo/registrations', { data: { name: 'Paule Proposante', email, consent: true } });
  expect(registered.status()).toBe(201);
  const { joinToken } = (await registered.json()) as { joinToken: string };

  // Not signed in and no personal link: invited to sign in.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`${PATH}/propose`);
  await expect(anonymous.getByText(/connectez-vous ou utilisez le lien personnel/)).toBeVisible();

  await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(`${PATH}/propose`)}`);
  await expect(page.getByRole('heading', { name: 'Proposer une ressource' })).toBeVisible();
  await expect(page.getByText(`Paule Proposante <${email}>`)).toBeVisible();
  await upload(page, 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
  await expect(page.getByTestId('upload-error')).toContainText('SVG');
  const form = page.getByTestId('resource-form');
  await form.getByLabel('Titre').fill(title);
  await form.getByLabel('Format').selectOption({ label: 'Point de vue / interview' });
  await form.getByLabel('Résumé').fill('Un entretien sur la santé ouverte.');
  await form.getByLabel(/^Média externe/).fill('pas une adresse');
  await form.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByLabel(/^Média externe/).fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await form.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(page.getByTestId('proposal-sent')).toBeVisible();

  // Not public while in review.
  const slugResponse = await request.get(`/search?q=${key}`);
  expect(await slugResponse.text()).not.toContain(title);

  const coordinator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(coordinator, COORDINATOR);
  await coordinator.goto(`${PATH}/manage`);
  const item = coordinator.getByTestId('review-queue').locator('li', { hasText: title });
  await expect(item).toContainText('Proposée par Paule Proposante');
  // Declining needs a reason.
  await item.getByRole('button', { name: 'Refuser' }).click();
  await expect(item.getByRole('alert')).toContainText('Indiquez le motif du refus.');
  await item.getByLabel(/Motif du refus/).fill('Hors du sujet de ce chemin : proposez-la au chemin « Climat ».');
  await item.getByRole('button', { name: 'Refuser' }).click();
  await expect(coordinator.getByRole('status')).toHaveText('Enregistré.');
  await expect(coordinator.getByTestId('review-queue').locator('li', { hasText: title })).toHaveCount(0);

  const mail = await mailMatching(email, /pas été retenue/);
  expect(mail.subject).toContain(title);
  expect(mail.text).toContain('Hors du sujet de ce chemin');

  // The proposer erases their account: the history keeps their proposal, signed by a former participant.
  const erased = await request.post('/api/me/erase', { data: { confirm: true }, headers: { origin: baseURL, authorization: `Bearer ${joinToken}` } });
  expect(erased.status()).toBe(200);
  await coordinator.goto(`/resources/proposition-${key}/edit`);
  const proposal = coordinator.getByTestId('revisions').locator('li').filter({ hasText: 'Version 1 — proposition' });
  await expect(proposal).toContainText('Version 1 — proposition par ancien·ne participant·e,');
  await expect(coordinator.getByTestId('revisions')).not.toContainText('Paule Proposante');
});

test('an organizer links a session to a path from the programme editor; it shows in the path agenda', async ({ page }) => {
  await signInWithMagicLink(page, 'organisatrice@chemins.test');
  await page.goto('/organize/edition-demo');
  await page.getByTestId('organizer-programme').locator('li', { hasText: 'Atelier : documenter ensemble' }).getByRole('link', { name: 'Modifier' }).click();
  const control = page.getByTestId('session-paths');
  await control.getByLabel('Climat et biodiversité', { exact: false }).check();
  await control.getByRole('button', { name: 'Enregistrer les chemins' }).click();
  await expect(page.getByRole('status')).toHaveText('Enregistré.');
  await expect(page.getByTestId('session-paths').getByLabel('Climat et biodiversité', { exact: false })).toBeChecked();
  await page.goto('/paths/climat-et-biodiversite');
  await expect(page.getByTestId('agenda-upcoming').or(page.getByTestId('agenda-past'))).toContainText('Atelier : documenter ensemble');
});

import { expect, test, type Page } from '@playwright/test';
import { RUN_ID, signInWithMagicLink } from './support/helpers';

// Issue 34, items 3 and 4, on a phone: a coordinator's resource form and the order of a path.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 390, height: 844 } });

const PATH = '/paths/vers-une-sante-ouverte';
const COORDINATOR = 'coordinatrice@chemins.test';

const orderShown = (page: Page) => page.getByTestId('manage-resources').locator('[data-resource-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-resource-id')!));

test('attaching a file keeps everything typed in the new resource, which saves with the attachment', async ({ page }) => {
  await signInWithMagicLink(page, COORDINATOR);
  await page.goto(`${PATH}/resources/new`);
  const form = page.getByTestId('resource-form');
  const typed = {
    title: `Carnet de terrain ${RUN_ID}`,
    summary: `Ce que nous avons vu ${RUN_ID}.`,
    body: `## Notes\n\nTrois visites, ${RUN_ID}.`,
    authors: 'Léa Martin (Réseau Santé)',
  };
  await form.getByLabel('Titre').fill(typed.title);
  await form.getByLabel('Résumé').fill(typed.summary);
  await form.getByLabel('Texte (Markdown)').fill(typed.body);
  await form.getByLabel(/^Auteurs/).fill(typed.authors);

  // The file is sent from the page: the form stays as it was, with the file in its attachments.
  await page.getByLabel('Ajouter une pièce jointe').setInputFiles({ name: `carnet-${RUN_ID}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(form.getByTestId('form-attachments')).toContainText(`carnet-${RUN_ID}.pdf`);
  await expect(page.getByTestId('upload-added')).toContainText(`carnet-${RUN_ID}.pdf`);
  await expect(form.getByLabel('Titre')).toHaveValue(typed.title);
  await expect(form.getByLabel('Résumé')).toHaveValue(typed.summary);
  await expect(form.getByLabel('Texte (Markdown)')).toHaveValue(typed.body);
  await expect(form.getByLabel(/^Auteurs/)).toHaveValue(typed.authors);
  // The address carries the upload too, as the plain form's would: a reload would keep it.
  expect(new URL(page.url()).searchParams.getAll('attachment')).toHaveLength(1);

  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText('Enregistré.');
  const saved = page.getByTestId('resource-form');
  await expect(saved.getByLabel('Titre')).toHaveValue(typed.title);
  await expect(saved.getByLabel(/^Auteurs/)).toHaveValue(typed.authors);
  await expect(saved.getByTestId('form-attachments')).toContainText(`carnet-${RUN_ID}.pdf`);
});

test('a move shows at once, a double click moves once, and the order after a reload is the one shown', async ({ page }) => {
  await signInWithMagicLink(page, COORDINATOR);
  await page.goto(`${PATH}/manage`);
  const original = await orderShown(page);
  expect(original.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = original as [string, string, string];
  const row = (id: string) => page.locator(`[data-resource-id="${id}"]`);
  try {
    // ↓ on the first: it is second at once, before any reload, and the list says so.
    await row(a).locator('button[data-direction="down"]').click();
    await expect.poll(() => orderShown(page)).toEqual([b, a, c, ...original.slice(3)]);
    await expect(page.getByTestId('order-status')).toContainText('en position 2');

    // A double click on ↓: one move (the arrows do nothing while the order saves).
    await row(a).locator('button[data-direction="down"]').dblclick();
    await expect.poll(() => orderShown(page)).toEqual([b, c, a, ...original.slice(3)]);
    await expect(page.getByTestId('order-status')).toContainText('en position 3');
    await expect(page.getByTestId('manage-resources')).not.toHaveAttribute('aria-busy', 'true');
    expect(await orderShown(page)).toEqual([b, c, a, ...original.slice(3)]);

    // What the server kept is what was shown.
    await page.reload();
    expect(await orderShown(page)).toEqual([b, c, a, ...original.slice(3)]);
  } finally {
    // The path's order as the other tests know it.
    const res = await page.request.put(`/api/paths/vers-une-sante-ouverte/order`, { data: { resourceIds: original } });
    expect(res.status()).toBe(204);
  }
});

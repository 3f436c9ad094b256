import { expect, test } from '@playwright/test';
import { LIVE_SESSION } from './support/helpers';

// The light pages (issue 15): programme, session, path and resource are rendered on the server and
// are used without JavaScript: reading, following links, filtering, switching language.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor goes from the programme to a session, then to a path and one of its resources', async ({ page }) => {
    await page.goto('/events/numerique-en-communs-2018');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Numérique en Commun');
    const first = page.locator('[data-session-slug] a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title.slice(0, 20));
    await expect(page.getByText('Quand', { exact: true })).toBeVisible();

    await page.goto('/paths/vers-une-sante-ouverte');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const resource = page.locator('a[href^="/resources/"]').first();
    const href = await resource.getAttribute('href');
    await resource.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('article').or(page.locator('main')).first()).not.toBeEmpty();
  });

  test('the live session page shows its questions and chat as the page comes, with no script running', async ({ page }) => {
    await page.goto(LIVE_SESSION);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ouverture en direct');
    await expect(page.getByTestId('join-live')).toHaveAttribute('href', `${LIVE_SESSION}/room`);
    // The questions and messages so far come with the page (the live snapshot), not from the socket:
    // their lists, or what says that there are none, are there with no script.
    await expect(page.getByRole('heading', { level: 3, name: /^Questions \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Questions' }).getByRole('listitem').first().or(page.getByText('Pas encore de question.'))).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Discussion', exact: true })).toBeVisible();
  });

  test('the language switch is a link: the same page comes back in English, then in French', async ({ page }) => {
    await page.goto('/paths/vers-une-sante-ouverte');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByTestId('locale-switch').click();
    await expect(page).toHaveURL(/\/paths\/vers-une-sante-ouverte$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('locale-switch')).toHaveText('Langue : français');
    await page.getByTestId('locale-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('a bad language is refused in the error shape', async ({ request }) => {
    const res = await request.get('/locale?to=de', { maxRedirects: 0 });
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid', fields: { to: 'unsupported' } } });
  });
});

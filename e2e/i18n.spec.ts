import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { mailMatching, RUN_ID } from './support/helpers';

// Languages (docs/i18n.md): mails and calendars go out in the language of the person they are for.

test('the sign-in mail is in the language of the page it was asked from', async ({ browser }) => {
  for (const [locale, subject, body] of [
    ['en', /^Sign in to Chemins/, 'To sign in to Chemins, open this link'],
    ['fr', /^Connexion à Chemins/, 'Pour vous connecter à Chemins, ouvrez ce lien'],
  ] as const) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL }]);
    const page = await context.newPage();
    const email = `lang-${locale}-${RUN_ID}@chemins.test`;
    await page.goto('/signin');
    await page.getByLabel(/Adresse e-mail|E-mail address/).fill(email);
    await page.getByRole('button', { name: /Recevoir le lien|Send me the link/ }).click();
    await expect(page.getByRole('heading', { name: /Vérifiez vos e-mails|Check your e-mail/ })).toBeVisible();
    const mail = await mailMatching(email, subject);
    expect(mail.text).toContain(body);
    await context.close();
  }
});

test('a registrant’s mails and personal calendar are in the language they registered in', async ({ request }) => {
  const sessions = (await (await request.get('/api/events/edition-demo/sessions')).json()) as { id: string; title: string }[];
  const email = `lang-reg-${RUN_ID}@chemins.test`;
  const res = await request.post('/api/events/edition-demo/registrations', {
    headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' },
    data: { name: 'Lee', email, sessionIds: [sessions[0]!.id], consent: true },
  });
  expect(res.status()).toBe(201);
  const { joinToken } = (await res.json()) as { joinToken: string };
  const mail = await mailMatching(email, /^Registration confirmed: /);
  expect(mail.text).toMatch(/^Hello Lee,/);
  expect(mail.text).toContain('Your personal link');
  // A calendar app sends no cookie: the personal calendar follows the registration, whatever asks for it.
  const ics = await (await request.get(`/api/me/calendar.ics?token=${joinToken}`, { headers: { 'accept-language': 'fr' } })).text();
  expect(ics).toMatch(/X-WR-CALNAME:.*— my programme/);
});

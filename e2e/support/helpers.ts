import { expect, type Page } from '@playwright/test';
import { smtpSinkUrl } from '../../playwright.config';

export const DEMO_EVENT = '/events/edition-demo';
export const LIVE_SESSION = '/events/edition-demo/sessions/ouverture-en-direct';

/**
 * This run's id: what a spec creates carries it (slugs, e-mails), so the suite can run again
 * against the same database and every spec starts from data it made itself.
 */
export const RUN_ID = Date.now().toString(36);

/** The newest mail the real SMTP receiver got for `to`, waiting until one arrives. */
export async function lastMailTo(to: string): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${smtpSinkUrl}/messages?to=${encodeURIComponent(to)}`);
        const list = (await res.json()) as { subject: string; text: string }[];
        found = list.at(-1);
        return list.length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  return found!;
}

/** Sign in through the real magic-link flow: form, mail, link. */
export async function signInWithMagicLink(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel(/Adresse e-mail|E-mail address/).fill(email);
  await page.getByRole('button', { name: /Recevoir le lien|Send me the link/ }).click();
  await expect(page.getByRole('heading', { name: /Vérifiez vos e-mails|Check your e-mail/ })).toBeVisible();
  const mail = await lastMailTo(email);
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(mail.text)?.[0];
  expect(link, 'the mail carries a sign-in link').toBeTruthy();
  await page.goto(link!);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

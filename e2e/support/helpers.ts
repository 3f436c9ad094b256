import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import postgres from 'postgres';
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

/** The newest mail to `to` whose subject matches, waiting until it arrives. */
export async function mailMatching(to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await fetch(`${smtpSinkUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as { subject: string; text: string }[];
        found = list.filter((m) => subject.test(m.subject)).at(-1);
        return Boolean(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
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
  await expect(page.getByTestId('signed-in-as')).toHaveCount(1);
}

/** Fill the demo edition's registration form (already open) with a name and an address, send it, and land on the personal page. */
export async function registerThroughForm(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('group', { name: 'Déjeunerez-vous sur place ?' }).getByLabel('Oui').check();
  await page.getByLabel(/J’accepte/).check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
}

/** A registrant in their own browser, come in by their personal link. */
export async function registrant(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const live = sessions.find((s: { slug: string }) => s.slug === 'ouverture-en-direct');
  const res = await page.request.post('/api/events/edition-demo/registrations', {
    data: { name, email: `${name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}-${Date.now()}@chemins.test`, sessionIds: [live.id], consent: true },
  });
  expect(res.status()).toBe(201);
  const { joinToken } = await res.json();
  await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(LIVE_SESSION)}`);
  await expect(page.getByLabel('Votre question')).toBeVisible();
  return page;
}

/** The id of the demo event's live session. */
export async function liveSessionId(page: Page): Promise<string> {
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  return sessions.find((s: { slug: string }) => s.slug === 'ouverture-en-direct').id;
}

/** The moderator prepares a poll in the moderator view and launches it with its results shown. */
export async function launch(mod: Page, kind: string, question: string, options?: string) {
  const manager = mod.getByTestId('poll-manager');
  await manager.getByLabel('Type').selectOption({ label: kind });
  await manager.getByLabel('Question').fill(question);
  if (options) await manager.getByLabel('Options (une par ligne)').fill(options);
  await manager.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const item = manager.getByTestId('managed-poll').filter({ hasText: question });
  await expect(item).toHaveAttribute('data-status', 'draft');
  await item.getByRole('button', { name: 'Lancer' }).click();
  await expect(item).toHaveAttribute('data-status', 'live');
  await item.getByRole('button', { name: 'Montrer les résultats' }).click();
  await expect(item.getByRole('button', { name: 'Cacher les résultats' })).toBeVisible();
  return item;
}

/**
 * `test.afterEach(closeOwnContexts)`: closes the browser contexts a test opened itself (its
 * `context` fixture is Playwright's to close). Left open, their pages stay connected to the live
 * rooms until the run ends, and the specs after them count people who are not there.
 */
export async function closeOwnContexts({ browser, context }: { browser: Browser; context: BrowserContext }): Promise<void> {
  for (const c of browser.contexts()) if (c !== context) await c.close();
}

/** The WCAG 2.2 A and AA rules axe checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** No serious or critical axe violation of WCAG 2.2 AA on the page as it is now. */
export async function expectNoAxeViolation(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${label} — ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, found.join('\n')).toEqual([]);
}

/** The page does not scroll sideways (a phone's width holds it). */
export async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/**
 * A spec's own event in the Postgres of DATABASE_URL (this run's, from yesterday to tomorrow,
 * titled "Rencontre <run>"): `body` gets a client on that database and the event's id; the event
 * and its registrations are deleted afterwards, whatever happened.
 */
export async function withRunEvent(slug: string, body: (sql: postgres.Sql, eventId: string) => Promise<void>): Promise<void> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [event] = await sql<{ id: string }[]>`insert into events (slug, title, starts_at, ends_at)
    values (${slug}, ${`Rencontre ${RUN_ID}`}, now() - interval '1 day', now() + interval '1 day') returning id`;
  try {
    await body(sql, event!.id);
  } finally {
    await sql`delete from registrations where event_id = ${event!.id}`;
    await sql`delete from events where id = ${event!.id}`;
    await sql.end();
  }
}

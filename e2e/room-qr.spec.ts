import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { launch, LIVE_SESSION, RUN_ID, registrant, signInWithMagicLink } from './support/helpers';

// The room's QR code on a phone (issue 34): from the scan (`/q/{code}`) to a question on the
// projector within two taps, as a guest; voting; a new poll announced; a session that asks for
// registration; a registrant who signed in acts as themselves.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const question = (page: Page, text: string) => page.getByTestId('question').filter({ hasText: text });

/** The projector of the live session, and the code its QR carries. */
async function projector(browser: Browser) {
  const screen = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  await screen.goto(`${LIVE_SESSION}/projector`);
  const short = (await screen.getByTestId('short-url').textContent())!;
  return { screen, code: short.split('/q/')[1]! };
}

/** Serious and critical WCAG 2.2 AA violations on the page as it is now (as e2e/a11y.spec.ts audits). */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A session's QR code: the first 8 hexadecimal digits of its id (lib/domain/live.ts `shortCodeOf`). */
async function codeOf(page: Page, slug: string) {
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  return (sessions.find((s: { slug: string }) => s.slug === slug).id as string).replace(/-/g, '').slice(0, 8);
}

test('at 390 px, a guest scans the room’s code, asks within two taps (on the projector once on air), votes, and is told of a new poll', async ({ browser }) => {
  const stamp = Date.now();
  const mine = `Une question du fond de la salle ? ${stamp}`;
  const theirs = `Et la suite du programme ? ${stamp}`;
  const { screen, code } = await projector(browser);
  const mod = await (await browser.newContext()).newPage();
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();
  const phone = await (await browser.newContext(PHONE)).newPage();
  let taps = 0;

  // The scan: the projector's address opens the room's entry, a first name is optional.
  await phone.goto(`/q/${code}`);
  const entry = phone.getByTestId('room-entry');
  await expect(entry).toHaveAttribute('data-path', 'guest');
  expect(await violations(phone)).toEqual([]);
  await phone.getByLabel('Votre prénom (facultatif)').fill('Camille');
  await phone.getByRole('button', { name: 'Participer' }).tap();
  taps++;
  await expect(phone).toHaveURL(new RegExp(`${LIVE_SESSION}#live-title$`));
  const field = phone.getByLabel('Votre question');
  await expect(field).toBeVisible();
  await field.fill(mine);
  await phone.getByRole('button', { name: 'Envoyer la question' }).tap();
  taps++;
  expect(taps).toBeLessThanOrEqual(2);
  await expect(question(phone, mine)).toContainText('Camille (invité·e');
  // The moderators see it at once (post-moderation) and put it on the room's screen.
  await mod.getByRole('tab', { name: /Publiées/ }).click();
  const modQ = mod.getByTestId('mod-question').filter({ hasText: mine });
  await expect(modQ).toContainText('Camille (invité·e');
  await modQ.getByRole('button', { name: /Mettre à l’antenne/ }).click();
  await expect(screen.getByTestId('projector-on-air')).toContainText(mine);
  await expect(screen.getByTestId('projector-on-air')).toContainText('Camille (invité·e');
  await expect(question(phone, mine)).toHaveAttribute('data-on-air', 'true');
  await modQ.getByRole('button', { name: /Retirer de l’antenne/ }).click();
  // Scanning again goes straight to the session.
  await phone.goto(`/q/${code}`);
  await expect(phone).toHaveURL(new RegExp(`${LIVE_SESSION}#live-title$`));

  // The guest votes for a registrant's question; the registrant sees it.
  const alice = await registrant(browser, 'Albane');
  await alice.getByLabel('Votre question').fill(theirs);
  await alice.getByRole('button', { name: 'Envoyer la question' }).click();
  await question(phone, theirs).getByRole('button', { name: 'Voter pour cette question' }).tap();
  await expect(question(phone, theirs).getByRole('button', { name: 'Retirer mon vote' })).toHaveAttribute('aria-pressed', 'true');
  await expect(question(alice, theirs).getByTestId('votes')).toHaveText('1');

  // A poll launched now is announced on the phone (visible and in a live region), leads to it, and the guest answers.
  const poll = `La salle vous entend-elle ? ${stamp}`;
  const managed = await launch(mod, 'Choix unique', poll, 'Oui\nNon');
  const notice = phone.getByTestId('new-poll-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`Nouveau sondage : ${poll}`);
  await expect(phone.getByRole('status').filter({ has: notice })).toHaveCount(1);
  await expect(notice).toBeInViewport();
  expect(await violations(phone)).toEqual([]);
  await notice.getByRole('link', { name: 'Voir le sondage' }).tap();
  await expect(phone.locator('#poll-title')).toBeFocused();
  await expect(notice).toHaveCount(0);
  const panel = phone.getByTestId('poll-panel');
  await panel.getByLabel('Oui').check();
  await panel.getByRole('button', { name: 'Répondre' }).tap();
  await expect(panel.getByTestId('poll-saved')).toBeVisible();
  // Someone who arrives while the poll is live is not told of it as news: it is simply there.
  const late = await (await browser.newContext(PHONE)).newPage();
  await late.goto(LIVE_SESSION);
  await expect(late.getByTestId('poll-panel')).toContainText(poll);
  await expect(late.getByTestId('new-poll-notice')).toHaveCount(0);
  // Leave the session without a current poll for the other specs.
  await managed.getByRole('button', { name: 'Clore' }).click();
  await managed.getByRole('button', { name: 'Cacher les résultats' }).click();
  await expect(phone.getByTestId('poll-panel')).toHaveCount(0);
});

test('an organizer who asks for registration makes the room’s code lead to registration', async ({ browser }) => {
  const organizer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  await organizer.goto('/organize/edition-demo');
  await organizer.getByRole('link', { name: 'Nouvelle session' }).click();
  const slug = `salle-inscrite-${RUN_ID}`;
  const day = new Date(Date.UTC(2031, 0, 1) + (Math.floor(Date.now() / 60_000) % 3650) * 86_400_000).toISOString().slice(0, 10);
  await organizer.getByLabel('Titre').fill(`Salle sur inscription ${RUN_ID}`);
  await organizer.getByLabel('Adresse (slug)').fill(slug);
  await organizer.getByLabel('Jour').fill(day);
  await organizer.getByLabel('Début').fill('10:00');
  await organizer.getByLabel('Fin').fill('11:00');
  const setting = organizer.getByLabel('Le QR code de la salle (projecteur)');
  await expect(setting).toHaveValue('auto');
  await setting.selectOption({ label: 'Inscription demandée' });
  await organizer.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(organizer.locator('main').getByRole('status')).toHaveText('Enregistré.');

  const phone = await (await browser.newContext(PHONE)).newPage();
  await phone.goto(`/q/${await codeOf(phone, slug)}`);
  await expect(phone.getByTestId('room-entry')).toHaveAttribute('data-path', 'registration');
  await expect(phone.getByRole('button', { name: 'Participer' })).toHaveCount(0);
  expect(await violations(phone)).toEqual([]);
  await phone.getByRole('link', { name: 'S’inscrire à l’événement' }).tap();
  await expect(phone).toHaveURL(/\/events\/edition-demo\/register/);
});

test('a registrant who signed in scans the code and acts as themselves', async ({ browser }) => {
  const phone = await (await browser.newContext(PHONE)).newPage();
  const code = await codeOf(phone, 'ouverture-en-direct');
  const email = `inscrite-salle-${Date.now()}@chemins.test`;
  const res = await phone.request.post('/api/events/edition-demo/registrations', { data: { name: 'Inès Salle', email, sessionIds: [], consent: true } });
  expect(res.status()).toBe(201);
  await signInWithMagicLink(phone, email);
  await phone.goto(`/q/${code}`);
  await expect(phone).toHaveURL(new RegExp(`${LIVE_SESSION}#live-title$`));
  const text = `Inscrite et dans la salle ? ${Date.now()}`;
  await phone.getByLabel('Votre question').fill(text);
  await phone.getByRole('button', { name: 'Envoyer la question' }).tap();
  // Under their account's name (the address's local part, as the account was just made by signing in), not as a guest.
  await expect(question(phone, text)).toContainText(email.split('@')[0]!);
  await expect(question(phone, text)).not.toContainText('invité·e');
  await expect(phone.getByRole('link', { name: 'Participer' })).toHaveCount(0);
});

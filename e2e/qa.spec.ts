import { expect, type Page, test } from '@playwright/test';
import { LIVE_SESSION, liveSessionId, registrant, signInWithMagicLink } from './support/helpers';

const question = (page: Page, text: string) => page.getByTestId('question').filter({ hasText: text });

test('participants ask and vote, the moderator answers and puts a question on air, the projector shows it', async ({ browser }) => {
  const stamp = Date.now();
  const q1 = `Comment financer un tiers-lieu ? ${stamp}`;
  const q2 = `Où trouver les replays des webinaires ? ${stamp}`;
  const alice = await registrant(browser, 'Alice');
  const bob = await registrant(browser, 'Bob');

  await alice.getByLabel('Votre question').fill(q1);
  await alice.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(question(alice, q1)).toBeVisible();
  await bob.getByLabel('Votre question').fill(q2);
  await bob.getByLabel('Poser anonymement').check();
  await bob.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(question(alice, q2)).toContainText('Anonyme');
  await expect(question(bob, q2)).toContainText('Bob');

  // Bob votes for Alice's question; Alice sees the count move.
  await question(bob, q1).getByRole('button', { name: 'Voter pour cette question' }).click();
  await expect(question(bob, q1).getByRole('button', { name: 'Retirer mon vote' })).toHaveAttribute('aria-pressed', 'true');
  await expect(question(alice, q1).getByTestId('votes')).toHaveText('1');

  const modContext = await browser.newContext();
  const mod = await modContext.newPage();
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();
  // A visitor who is neither signed in nor registered is counted among the guests, not listed.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(LIVE_SESSION);
  await expect(visitor.getByTestId('presence')).toHaveText(/personnes? ici/);
  await expect(mod.getByTestId('guests')).toHaveText(/^\d+ invité·es?$/);
  await expect(mod.getByTestId('people')).not.toContainText('(invité·e)');
  await visitor.context().close();
  // Moderators see who asked anonymously.
  const modQ2 = mod.getByTestId('mod-question').filter({ hasText: q2 });
  await expect(modQ2).toContainText('Bob');
  const modQ1 = mod.getByTestId('mod-question').filter({ hasText: q1 });
  // One-key actions: select the question, press r (answered).
  await modQ1.getByText(q1).click();
  await expect(modQ1).toHaveAttribute('aria-current', 'true');
  await mod.keyboard.press('r');
  await expect(question(alice, q1)).toHaveAttribute('data-status', 'answered');
  await mod.getByRole('tab', { name: /Publiées/ }).click();
  await mod.getByTestId('mod-question').filter({ hasText: q2 }).getByRole('button', { name: /Mettre à l’antenne/ }).click();
  await expect(mod.getByTestId('on-air')).toContainText(q2);
  await expect(question(bob, q2)).toHaveAttribute('data-on-air', 'true');

  const screen = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  await screen.goto(`${LIVE_SESSION}/projector`);
  await expect(screen.getByTestId('projector-on-air')).toContainText(q2);
  await expect(screen.getByTestId('projector-on-air')).toContainText('Anonyme');
  await expect(screen.getByTestId('short-url')).toHaveText(/\/q\/[0-9a-f]{8}$/);
  // The short URL leads to the session: to take part from the room (e2e/room-qr.spec.ts), or to follow it.
  const short = (await screen.getByTestId('short-url').textContent())!;
  await screen.goto(`/q/${short.split('/q/')[1]}`);
  await expect(screen.getByTestId('room-entry')).toHaveAttribute('data-path', 'guest');
  await screen.getByRole('link', { name: 'Suivre la session sans participer' }).click();
  await expect(screen).toHaveURL(new RegExp(`${LIVE_SESSION}`));

  // The moderator exports the Q&A as Markdown for a meeting report.
  const md = await mod.request.get(`/api/sessions/${await liveSessionId(mod)}/qa.md`);
  expect(md.status()).toBe(200);
  const text = await md.text();
  expect(text).toContain('type: meeting-report');
  expect(text).toContain('financer un tiers-lieu');
  expect((await alice.request.get(`/api/sessions/${await liveSessionId(alice)}/qa.csv`)).status()).toBe(401);
});

test('chat shows markup as text, links as links, and lets people reply and react', async ({ browser }) => {
  const alice = await registrant(browser, 'Chloé');
  const bob = await registrant(browser, 'David');
  const stamp = Date.now();
  const evil = `<script>window.__pwned = 1</script><b>gras</b> ${stamp} https://example.org/compte-rendu`;
  await alice.getByLabel('Votre message').fill(evil);
  await alice.getByLabel('Votre message').press('Enter');
  const seen = bob.getByTestId('chat-message').filter({ hasText: String(stamp) });
  await expect(seen.getByTestId('chat-body')).toHaveText(evil);
  await expect(seen.locator('b, script')).toHaveCount(0);
  await expect(seen.getByRole('link', { name: 'https://example.org/compte-rendu' })).toHaveAttribute('href', 'https://example.org/compte-rendu');
  expect(await bob.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await seen.getByRole('button', { name: 'Répondre' }).click();
  await bob.getByLabel('Votre message').fill(`bien reçu ${stamp}`);
  await bob.getByRole('button', { name: 'Envoyer', exact: true }).click();
  const reply = alice.getByTestId('chat-message').filter({ hasText: `bien reçu ${stamp}` });
  await expect(reply).toContainText('Chloé');
  await reply.getByText('☺+').click();
  await reply.getByRole('button', { name: '👍' }).click();
  await expect(bob.getByTestId('chat-message').filter({ hasText: `bien reçu ${stamp}` }).getByRole('button', { name: '👍 : 1' })).toBeVisible();
});

test('a visitor reads the Q&A and is told how to take part', async ({ page }) => {
  await page.goto(LIVE_SESSION);
  await expect(page.getByTestId('qa')).toBeVisible();
  await expect(page.getByText('Pour poser une question ou écrire, connectez-vous').first()).toBeVisible();
  await expect(page.getByLabel('Votre question')).toHaveCount(0);
  await page.goto(`${LIVE_SESSION}/moderate`);
  await expect(page.getByText(/réservée à la modération/)).toBeVisible();
});

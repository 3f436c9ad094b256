import { type APIResponse, expect, test } from '@playwright/test';
import { RUN_ID, signInWithMagicLink, withRunEvent } from './support/helpers';

// One person, one identity, through the real magic-link sign-in (next-auth, the real SMTP receiver).
test('a registrant removed from the video room by their personal link is still out after signing in with the same e-mail', async ({ browser, page }) => {
  const email = `exclue-${Date.now()}@chemins.test`;
  const sessions = (await (await page.request.get('/api/events/edition-demo/sessions')).json()) as { id: string; slug: string }[];
  const sessionId = sessions.find((s) => s.slug === 'ouverture-en-direct')!.id;
  const registered = await page.request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Exclue Par Lien', email, sessionIds: [sessionId], consent: true },
  });
  expect(registered.status()).toBe(201);
  const { id, joinToken } = (await registered.json()) as { id: string; joinToken: string };
  const byLink = () => page.request.post(`/api/sessions/${sessionId}/livekit-token`, { headers: { authorization: `Bearer ${joinToken}` } });
  const refusal = async (res: APIResponse) => `${res.status()} ${((await res.json()) as { error?: { code: string } }).error?.code ?? ''}`;
  expect((await byLink()).status()).toBe(200);

  // The moderator removes the person, known by their personal link.
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  const removed = await moderator.request.post(`/api/sessions/${sessionId}/room/moderate`, {
    data: { action: 'remove', identity: `registration:${id}` },
  });
  expect(removed.status()).toBe(200);
  expect(await refusal(await byLink())).toBe('403 removed');

  // Signing in with the same e-mail is the same person: still out. The token answered to whoever
  // registered was never proven to be theirs: it stops when the address is proven (docs/security.md).
  await signInWithMagicLink(page, email);
  expect(await refusal(await page.request.post(`/api/sessions/${sessionId}/livekit-token`))).toBe('403 removed');
  expect(await refusal(await byLink())).toBe('401 unauthenticated');
  await moderator.context().close();
});

// Issue 27, finding 2: a typed address is not its owner's badges. Anybody may register someone
// else's address and get a personal link (201); opened in a browser, that link acts for that
// registration alone: the owner's badges, their actions and their data stay out of reach.
test('a personal link for an address someone typed shows none of its owner’s badges', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'makes an event in the Postgres of DATABASE_URL');
  const slug = `badges-e2e-${RUN_ID}`;
  await withRunEvent(slug, async () => {
    // participante@chemins.test holds demo badges; the address is typed by somebody else.
    const registered = await page.request.post(`/api/events/${slug}/registrations`, {
      data: { name: 'Quelqu’un d’autre', email: 'participante@chemins.test', consent: true },
    });
    expect(registered.status()).toBe(201);
    const { joinToken } = (await registered.json()) as { joinToken: string };
    await page.goto(`/r/${joinToken}`);
    await expect(page).toHaveURL(/\/r(\?|$)/);
    await page.goto('/badges');
    await expect(page.getByText('Vos badges s’affichent une fois votre adresse confirmée', { exact: false })).toBeVisible();
    await expect(page.getByText('Participante (démo)')).toHaveCount(0);
    // Nor the account's data: the export holds that registration only.
    const data = await page.request.get('/api/me/data', { headers: { authorization: `Bearer ${joinToken}` } });
    expect(data.status()).toBe(200);
    const body = (await data.json()) as { account: unknown; registrations: { email: string }[] };
    expect(body.account).toBeNull();
    expect(body.registrations).toHaveLength(1);
  });
});

import { type APIResponse, expect, test } from '@playwright/test';
import { signInWithMagicLink } from './support/helpers';

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

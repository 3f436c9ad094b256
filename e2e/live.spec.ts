import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { LIVE_SESSION, RUN_ID, signInWithMagicLink } from './support/helpers';

test('two people on the live demo session each see a presence count of 2', async ({ browser }) => {
  // Earlier specs open this session too: a page closed while its socket was still on HTTP
  // long-polling (before the WebSocket upgrade) is only seen gone after Socket.IO's ping interval
  // and timeout (25 s + 20 s). Wait for them to leave before counting.
  test.setTimeout(120_000);
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await pageA.goto(LIVE_SESSION);
  await expect(pageA.getByTestId('presence')).toHaveText('1 personne ici', { timeout: 60_000 });
  await pageB.goto(LIVE_SESSION);
  await expect(pageB.getByTestId('presence')).toHaveText('2 personnes ici');
  await expect(pageA.getByTestId('presence')).toHaveText('2 personnes ici');
  await b.close();
  await expect(pageA.getByTestId('presence')).toHaveText('1 personne ici');
  await a.close();
});

test('a token minted by the app lets livekit-client in Chromium connect to the room', async ({ page }) => {
  const email = `video-${Date.now()}@chemins.test`;
  await signInWithMagicLink(page, email);
  // Signed in but not registered: the video room refuses; registered to the event: admitted.
  await page.goto(LIVE_SESSION);
  await page.getByTestId('join-live').click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}/room$`));
  await expect(page.getByTestId('room-refused')).toHaveAttribute('data-code', 'not_registered');
  const registered = await page.request.post('/api/events/edition-demo/registrations', { data: { name: 'Vidéo', email, consent: true } });
  expect(registered.ok()).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Connexion à la salle…')).toHaveCount(0, { timeout: 30_000 });
});

test('a visitor who is not signed in is asked to sign in before joining the video', async ({ page }) => {
  await page.goto(LIVE_SESSION);
  await page.getByTestId('join-live').click();
  await expect(page.getByText('Connectez-vous ou utilisez votre lien personnel pour entrer dans la salle.')).toBeVisible();
  const res = await page.request.post('/api/sessions/00000000-0000-4000-8000-000000000000/livekit-token');
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
});

test('a registrant who never signed in joins the live room and its video from the personal link', async ({ page, request }) => {
  const sessions = await (await request.get('/api/events/edition-demo/sessions')).json();
  const live = sessions.find((s: { slug: string }) => s.slug === 'ouverture-en-direct');
  expect(live.live).toBe(true);
  const res = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Rémi Registrant', email: `remi-${Date.now()}@chemins.test`, sessionIds: [live.id], consent: true },
  });
  const { joinToken } = await res.json();
  await page.goto(`/r/${joinToken}`);
  await page.getByRole('link', { name: 'Rejoindre en direct' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}$`));
  await expect(page.getByTestId('presence')).toHaveText(/personnes? ici/);
  // One way in: the live page holds the video, the questions and the chat.
  await page.getByTestId('join-live').click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}/room$`));
  // Watching a stage: no camera or microphone asked for.
  await expect(page.getByTestId('prejoin-hint')).toContainText('ni caméra ni micro');
  await expect(page.getByRole('checkbox', { name: 'Caméra' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(page.getByTestId('room')).toHaveAttribute('data-can-publish', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
  await expect(page.getByLabel('Votre question')).toBeVisible();
  // A bad personal link is refused clearly.
  const bad = await page.request.get('/api/join?token=nope');
  expect(bad.status()).toBe(404);
});

test('the live panels show times in the event’s time zone, not the platform’s nor the browser’s; a replay’s start is typed in it', async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, 'makes an event in Tokyo in the Postgres of DATABASE_URL');
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  // An event in Tokyo (the browser and the platform are in Paris: 7 or 8 hours apart), its session live now.
  const slug = `tokyo-e2e-${RUN_ID}`;
  const path = `/events/${slug}/sessions/ouverture`;
  const email = `moderatrice-tokyo-${RUN_ID}@chemins.test`;
  const [event] = await sql<{ id: string }[]>`insert into events (slug, title, time_zone, starts_at, ends_at)
    values (${slug}, ${`Rencontre à Tokyo ${RUN_ID}`}, 'Asia/Tokyo', now() - interval '1 day', now() + interval '1 day') returning id`;
  await sql`insert into programme_sessions (event_id, slug, title, kind, mode, starts_at, ends_at)
    values (${event!.id}, 'ouverture', 'Ouverture à Tokyo', 'plenary', 'online', now() - interval '30 minutes', now() + interval '2 hours')`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const mod = await contexts[0]!.newPage();
    await signInWithMagicLink(mod, email);
    await sql`insert into role_grants (user_id, role, event_id) select id, 'moderator', ${event!.id} from users where email = ${email}`;
    await mod.goto(`${path}/moderate`);
    await expect(mod.getByTestId('moderator-view')).toBeVisible();
    const body = `Bonjour de Tokyo ${RUN_ID}`;
    await mod.getByLabel('Votre message').fill(body);
    await mod.getByLabel('Votre message').press('Enter');

    const wallClock = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
    const timeOf = async (page: typeof mod) => {
      const time = page.getByTestId('chat-message').filter({ hasText: body }).locator('time');
      await expect(time).toBeVisible();
      const iso = (await time.getAttribute('datetime'))!;
      expect(wallClock(iso, 'Asia/Tokyo')).not.toBe(wallClock(iso, 'Europe/Paris'));
      return { shown: await time.textContent(), tokyo: wallClock(iso, 'Asia/Tokyo') };
    };
    // The moderator's view, then a visitor's session page and video room page (served with the message, then live).
    const seen = await timeOf(mod);
    expect(seen.shown).toBe(seen.tokyo);
    const visitor = await contexts[1]!.newPage();
    for (const page of [path, `${path}/room`]) {
      await visitor.goto(page);
      await expect(visitor.getByTestId(/^(side-)?presence$/)).toHaveText(/personnes? ici/);
      const { shown, tokyo } = await timeOf(visitor);
      expect({ page, shown }).toEqual({ page, shown: tokyo });
    }

    // The moderator adds a replay: the moment typed is Tokyo's wall-clock time, not the browser's.
    const manager = mod.getByTestId('replay-manager');
    const form = manager.locator('form').first();
    const title = `Replay de Tokyo ${RUN_ID}`;
    await form.getByLabel('Adresse de la vidéo').fill('https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d');
    await form.getByLabel('Titre (facultatif)').fill(title);
    await form.getByLabel('Moment de la session où la vidéo commence').fill('2026-11-29T10:00');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await expect(manager.getByTestId('managed-replay').filter({ hasText: title })).toContainText('10:00');
    const [replay] = await sql<{ started_at: Date }[]>`select started_at from replays where title = ${title}`;
    expect(replay?.started_at.toISOString()).toBe('2026-11-29T01:00:00.000Z');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await sql`delete from events where id = ${event!.id}`;
    await sql.end();
  }
});

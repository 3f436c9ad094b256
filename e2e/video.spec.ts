import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import postgres from 'postgres';
import { DEMO_EVENT, LIVE_SESSION, signInWithMagicLink } from './support/helpers';

// Real LiveKit server, real Chromium with fake camera and microphone, everything on 127.0.0.1.
const STAGE_ROOM = `${LIVE_SESSION}/room`;
const WORKSHOP_ROOM = `${DEMO_EVENT}/sessions/atelier-en-direct/room`;

async function enter(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
}

async function enterRoom(page: Page, path: string) {
  await enter(page, path);
  await expect(page.getByTestId('room')).toBeVisible({ timeout: 30_000 });
}

/** The camera of the person named `name` shows decoded frames on `page`. */
async function expectVideoOf(page: Page, name: string) {
  const video = page.getByTestId('tile').filter({ hasText: name }).locator('video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

/** Register to one session by the public API (as a visitor would), from `page`'s context. */
async function registerByApi(page: Page, name: string, sessionSlug: string) {
  const sessions = await (await page.request.get('/api/events/edition-demo/sessions')).json();
  const session = sessions.find((s: { slug: string }) => s.slug === sessionSlug);
  const res = await page.request.post('/api/events/edition-demo/registrations', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@chemins.test`, sessionIds: [session.id], consent: true },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { id: string; joinToken: string };
  return { sessionId: session.id as string, registrationId: body.id, joinToken: body.joinToken };
}

/** A registrant who comes by personal link (no account), straight to `next`. */
async function registrant(browser: Browser, name: string, sessionSlug: string, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const r = await registerByApi(page, name, sessionSlug);
  await page.goto(`/api/join?token=${r.joinToken}&next=${encodeURIComponent(next)}`);
  return { context, page, ...r };
}

test('a stage: the speaker is seen, the audience cannot publish until promoted, a removed person cannot come back, attendance is recorded', async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, 'reads attendance from the Postgres of DATABASE_URL');
  // Four browsers with real WebRTC through the real LiveKit server: on two loaded cores this takes
  // a minute or more (each step still waits for its own condition).
  test.setTimeout(180_000);
  const speaker = await (await browser.newContext()).newPage();
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(speaker, 'intervenante@chemins.test');
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');

  await enterRoom(speaker, STAGE_ROOM);
  await expect(speaker.getByTestId('room')).toHaveAttribute('data-role', 'speaker');
  await expect(speaker.getByRole('button', { name: 'Couper la caméra' })).toBeVisible({ timeout: 20_000 });

  // An attendee watches: sees the speaker, cannot publish, raises a hand.
  const alice = await registrant(browser, 'Alice Public', 'ouverture-en-direct', STAGE_ROOM);
  await expect(alice.page.getByTestId('prejoin')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(alice.page.getByTestId('room')).toHaveAttribute('data-can-publish', 'false', { timeout: 30_000 });
  await expect(alice.page.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
  await expectVideoOf(alice.page, 'Intervenante');
  await expect(alice.page.getByRole('button', { name: /Activer la caméra|Couper la caméra|Partager l’écran/ })).toHaveCount(0);
  await expect(alice.page.getByTestId('audience')).toHaveText('1 personne dans le public');
  await alice.page.getByRole('button', { name: 'Lever la main' }).click();

  // The moderator sees the raised hand and brings Alice on stage, without her reloading.
  await enterRoom(moderator, STAGE_ROOM);
  const aliceRow = moderator.getByTestId('moderated').filter({ hasText: 'Alice Public' });
  await expect(aliceRow).toHaveAttribute('data-hand', 'true');
  await expect(speaker.getByTestId('tile').filter({ hasText: 'Alice Public' })).toHaveCount(0); // not on stage
  await aliceRow.getByRole('button', { name: 'Inviter sur scène' }).click();
  await expect(alice.page.getByTestId('stage-status')).toHaveText(/Vous êtes sur scène/);
  await expect(alice.page.getByTestId('room')).toHaveAttribute('data-can-publish', 'true');
  await alice.page.getByRole('button', { name: 'Activer la caméra' }).click();
  await expectVideoOf(speaker, 'Alice Public');
  await expectVideoOf(moderator, 'Alice Public');
  await expect(aliceRow).toHaveAttribute('data-hand', 'false'); // the hand was answered

  // Muted by the moderator, then taken off stage, without reloading.
  await alice.page.getByRole('button', { name: 'Activer le micro' }).click();
  await expect(alice.page.getByRole('button', { name: 'Couper le micro' })).toBeVisible();
  await aliceRow.getByRole('button', { name: 'Couper son micro' }).click();
  await expect(alice.page.getByRole('button', { name: 'Activer le micro' })).toBeVisible();
  await aliceRow.getByRole('button', { name: 'Retirer de la scène' }).click();
  await expect(alice.page.getByTestId('stage-status')).toHaveText(/Vous suivez la scène/);
  await expect(speaker.getByTestId('tile').filter({ hasText: 'Alice Public' })).toHaveCount(0);
  await expect(alice.page.getByRole('button', { name: 'Lever la main' })).toBeVisible();

  // Removed: out at once, and refused when trying again.
  moderator.on('dialog', (d) => void d.accept());
  await aliceRow.getByRole('button', { name: 'Exclure' }).click();
  await expect(alice.page.getByTestId('room-out')).toHaveAttribute('data-why', 'removed');
  await expect(alice.page.getByText('Vous avez été exclu·e de cette session par la modération.')).toBeVisible();
  await expect(speaker.getByTestId('tile').filter({ hasText: 'Alice Public' })).toHaveCount(0);
  await enter(alice.page, STAGE_ROOM);
  await expect(alice.page.getByTestId('room-refused')).toHaveAttribute('data-code', 'removed');
  await expect(alice.page.getByTestId('room')).toHaveCount(0);

  // LiveKit's signed webhooks recorded Alice's join and leave, the room's live state, and the log.
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const actorKey = `registration:${alice.registrationId}`;
    await expect
      .poll(
        async () =>
          (await sql`select joined_at, left_at from attendance where session_id = ${alice.sessionId} and actor_key = ${actorKey}`).map(
            (r) => Boolean(r.joined_at) && Boolean(r.left_at),
          ),
        { timeout: 20_000 },
      )
      .toEqual([true]);
    const [room] = await sql`select video_live_since from programme_sessions where id = ${alice.sessionId}`;
    expect(room!.video_live_since).toBeInstanceOf(Date);
    const log = await sql`select action from moderation_log where session_id = ${alice.sessionId} and target_key = ${actorKey} order by created_at`;
    expect(log.map((l) => l.action)).toEqual(['video:promote', 'video:mute', 'video:demote', 'video:remove']);
  } finally {
    await sql.end();
  }
  await alice.context.close();
});

test('a workshop is a grid where every registered participant speaks', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await registrant(browser, 'Basile Atelier', 'atelier-en-direct', WORKSHOP_ROOM);
  const b = await registrant(browser, 'Chloé Atelier', 'atelier-en-direct', WORKSHOP_ROOM);
  for (const p of [a.page, b.page]) {
    await p.getByRole('button', { name: 'Entrer dans la salle' }).click();
    await expect(p.getByTestId('room')).toHaveAttribute('data-layout', 'grid', { timeout: 30_000 });
    await expect(p.getByTestId('room')).toHaveAttribute('data-can-publish', 'true');
  }
  await expectVideoOf(a.page, 'Chloé Atelier');
  await expectVideoOf(b.page, 'Basile Atelier');
  // Data saver: the other camera is no longer received; audio goes on.
  await a.page.getByRole('checkbox', { name: /Économie de données/ }).check();
  await expect(a.page.getByTestId('low-bandwidth-on')).toBeVisible();
  await expect(a.page.getByTestId('tile').filter({ hasText: 'Chloé Atelier' }).locator('video')).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});

test('a refused camera and microphone are said plainly, and the room still works for watching', async () => {
  // A Chromium of its own that answers "no" to the camera/microphone prompt.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  });
  try {
    const baseURL = test.info().project.use.baseURL!;
    const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
    const page = await context.newPage();
    // A workshop (everybody speaks) asks for the devices before entering; a stage's audience is not asked.
    const { joinToken } = await registerByApi(page, 'Denis Sans Caméra', 'atelier-en-direct');
    await page.goto(`/api/join?token=${joinToken}&next=${encodeURIComponent(WORKSHOP_ROOM)}`);
    await expect(page.getByTestId('device-problem')).toHaveAttribute('data-problem', 'refused');
    await expect(page.getByText(/Caméra ou micro refusé/)).toBeVisible();
    await page.getByRole('button', { name: 'Entrer dans la salle' }).click();
    await expect(page.getByTestId('room')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('room')).toHaveAttribute('data-layout', 'grid');
  } finally {
    await browser.close();
  }
});

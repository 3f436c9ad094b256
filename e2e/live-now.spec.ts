import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_EVENT, LIVE_SESSION } from './support/helpers';

// What is live now, and when, for a person on a phone: the home page's "live now", the registration
// list's markers and checkboxes, and the viewer's own clock beside the event's (Europe/Paris).
const phone = { width: 390, height: 844 };
const LIVE_SLUG = 'ouverture-en-direct';

type ApiSession = { slug: string; startsAt: string; endsAt: string; live: boolean };

async function demoSession(page: Page, slug: string): Promise<ApiSession> {
  const sessions = (await (await page.request.get('/api/events/edition-demo/sessions')).json()) as ApiSession[];
  return sessions.find((s) => s.slug === slug)!;
}

/** The wall-clock time of an instant in a zone, as the French pages write it (the expectation, computed apart from the app). */
const clockIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
/** The day of an instant in a zone, short ("lun. 7 déc."), as the pages write it where the viewer's day is not the event's. */
const dayIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat('fr', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso));

async function phoneIn(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, timezoneId });
  return context.newPage();
}

test.use({ viewport: phone });

test('the home page flags the sessions live now, with their event, and leads to the live room', async ({ page }) => {
  const live = await demoSession(page, LIVE_SLUG);
  expect(live.live, 'the demo is re-dated at start so that its opening is live').toBe(true);
  await page.goto('/');
  const section = page.getByTestId('live-now');
  await expect(section.getByRole('heading', { name: 'En direct maintenant' })).toBeVisible();
  const row = section.locator(`[data-session-slug="${LIVE_SLUG}"]`);
  await expect(row.getByRole('link', { name: 'Ouverture en direct' })).toBeVisible();
  await expect(row.locator('[data-badge="live"]')).toHaveText('En direct');
  await expect(row).toContainText('Hybride');
  await expect(row.getByRole('link', { name: 'Chemins — édition de démonstration' })).toBeVisible();
  await expect(row).toContainText(`${clockIn(live.startsAt, 'Europe/Paris')}–${clockIn(live.endsAt, 'Europe/Paris')} (Europe/Paris)`);
  // Sessions not live now are not listed there.
  await expect(section.locator('[data-session-slug="apero-de-cloture"]')).toHaveCount(0);
  // Its event's card says it is live too.
  const card = page.getByTestId('event-list').getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Chemins — édition de démonstration' }) });
  await expect(card.locator('[data-badge="live"]')).toBeVisible();
  // Nothing overflows the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

  await row.getByTestId('live-now-follow').click();
  await expect(page).toHaveURL(new RegExp(`${LIVE_SESSION}#live-title$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ouverture en direct');
  await expect(page.getByTestId('join-live')).toBeVisible();
});

test('the registration list says per session live now, invitation-only and mode, with 24 px checkboxes and whole rows to tap', async ({ page }) => {
  await page.goto(`${DEMO_EVENT}/register`);
  const row = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: new RegExp(title) }) });
  const live = row('Ouverture en direct');
  await expect(live.locator('[data-badge="live"]')).toHaveText('En direct');
  await expect(live.locator('[data-badge="mode"]')).toHaveText('Hybride');
  await expect(live.locator('[data-badge="invitation"]')).toHaveCount(0);
  const invitation = row('Réunion des coordinatrices et coordinateurs');
  await expect(invitation.locator('[data-badge="invitation"]')).toHaveText('Sur invitation');
  await expect(invitation.locator('[data-badge="mode"]')).toHaveText('En ligne');
  await expect(invitation.locator('[data-badge="live"]')).toHaveCount(0);
  await expect(row('Apéro de clôture').locator('[data-badge="mode"]')).toHaveText('Sur place');

  // Each checkbox is at least 24 × 24 px (WCAG 2.5.8), and the whole row is its label.
  const boxes = page.locator('input[name="sessionIds"]');
  expect(await boxes.count()).toBeGreaterThan(3);
  for (const box of await boxes.all()) {
    const size = await box.boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(24);
    expect(size!.height).toBeGreaterThanOrEqual(24);
  }
  const checkbox = page.getByRole('checkbox', { name: /Apéro de clôture/ });
  await expect(checkbox).not.toBeChecked();
  const label = row('Apéro de clôture').locator('label');
  const rowBox = (await label.boundingBox())!;
  // A tap at the row's right end, far from the box, ticks it; another unticks it.
  const farEnd = { x: rowBox.width - 6, y: rowBox.height / 2 };
  expect(farEnd.x).toBeGreaterThan(300);
  await label.click({ position: farEnd });
  await expect(checkbox).toBeChecked();
  await label.click({ position: farEnd });
  await expect(checkbox).not.toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
});

test('a viewer in Montreal reads their own time beside the event’s; a viewer in Paris reads it once', async ({ browser }) => {
  const montreal = await phoneIn(browser, 'America/Montreal');
  const live = await demoSession(montreal, LIVE_SLUG);
  const eventTime = `${clockIn(live.startsAt, 'Europe/Paris')}–`;
  // When the suite runs late in the evening (UTC), Paris is already on the next day: the viewer's
  // own time then names their day first.
  const localDay = dayIn(live.startsAt, 'America/Montreal');
  const dayFirst = localDay === dayIn(live.startsAt, 'Europe/Paris') ? '' : `${localDay}, `;
  const localTime = `${dayFirst}${clockIn(live.startsAt, 'America/Montreal')}–${clockIn(live.endsAt, 'America/Montreal')}`;

  // The programme: the event's time as rendered by the server, the viewer's beside it once in the browser.
  await montreal.goto(DEMO_EVENT);
  const item = montreal.locator(`[data-session-slug="${LIVE_SLUG}"]`);
  await expect(item).toContainText(eventTime);
  await expect(item.getByTestId('local-time')).toHaveText(`${localTime} chez vous`);
  // The viewer's zone is named once, beside the event's.
  await expect(montreal.getByTestId('time-zone').getByTestId('local-zone')).toHaveText('« Chez vous » : à votre heure (heure de l’Est nord-américain).');
  await expect(montreal.getByTestId('local-zone')).toHaveCount(1);
  // The session page and the registration list say it too.
  await montreal.goto(LIVE_SESSION);
  await expect(montreal.getByTestId('local-time')).toHaveText(`${localTime} chez vous (heure de l’Est nord-américain)`);
  await montreal.goto(`${DEMO_EVENT}/register`);
  await expect(
    montreal.getByRole('listitem').filter({ has: montreal.getByRole('checkbox', { name: /Ouverture en direct/ }) }).getByTestId('local-time'),
  ).toContainText(localTime);
  await montreal.context().close();

  // In the event's zone each time is shown once. The session page is looked at once hydrated (its
  // live panel has joined the room, which takes JavaScript), the programme once it is idle.
  const paris = await phoneIn(browser, 'Europe/Paris');
  await paris.goto(LIVE_SESSION);
  await expect(paris.getByTestId('presence')).toHaveText(/ici/, { timeout: 60_000 });
  await expect(paris.getByTestId('local-time')).toHaveCount(0);
  await paris.goto(DEMO_EVENT);
  await expect(paris.locator(`[data-session-slug="${LIVE_SLUG}"]`)).toContainText(eventTime);
  await paris.waitForLoadState('networkidle');
  await expect(paris.getByTestId('local-time')).toHaveCount(0);
  await expect(paris.getByTestId('local-zone')).toHaveCount(0);
  await paris.context().close();
});

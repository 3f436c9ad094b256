import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { closeOwnContexts, registerThroughForm, signInWithMagicLink } from './support/helpers';

// The organizer's report (issue 30): charts drawn on the server as accessible SVG with the same
// figures in tables (read without JavaScript), the figures those of the JSON API, printable, at
// phone width without sideways scrolling, and refused to those who do not organize the event.
test.describe.configure({ timeout: 180_000 });
test.afterEach(closeOwnContexts);

const REPORT = '/organize/edition-demo/report';
const WORKSHOP = '/events/edition-demo/sessions/atelier-documenter-ensemble';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Registrations per source (what drove them). */
type Count = { source: string; count: number };
type Report = {
  registrations: { total: number; present: number; onsite: number; online: number; noShowRate: number; byDay: { day: string; count: number }[]; bySource: Count[] };
  sessions: ({ id: string; slug: string; attendance: { at: string; online: number }[] } & Record<string, unknown>)[];
};

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The raw figures of a table's cells (`data-value`), row by row. */
const tableValues = (page: Page, id: string) =>
  page.locator(`table[data-figures="${id}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.dataset.value))));

test('an organizer reads the event’s report: charts, the JSON’s figures, accessible, printable, at phone width', async ({ page, request }) => {
  // Someone registers today, so the report has a day with registrations.
  const sessions = (await (await request.get('/api/events/edition-demo/sessions')).json()) as { id: string; slug: string }[];
  const live = sessions.find((s) => s.slug === 'ouverture-en-direct')!;
  const registered = await request.post('/api/events/edition-demo/registrations', {
    data: { name: 'Rapporteuse', email: `rapport-${Date.now()}@chemins.test`, sessionIds: [live.id], consent: true },
  });
  expect(registered.status()).toBe(201);

  await signInWithMagicLink(page, 'organisatrice@chemins.test');
  await page.goto('/organize/edition-demo');
  await page.getByTestId('open-report').click();
  await expect(page).toHaveURL(new RegExp(`${REPORT}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapport de l’événement');

  // Charts: server-rendered SVG images with a name, each followed by its table.
  const charts = page.locator('figure[data-chart]');
  expect(await charts.count()).toBeGreaterThanOrEqual(3);
  for (const id of ['presence', 'by-day', 'by-source', 'per-session']) {
    const figure = page.locator(`figure#${id}`);
    await expect(figure.locator('svg[role="img"]')).toBeVisible();
    await expect(figure.locator(`table[data-figures="${id}"]`)).toHaveCount(1);
  }
  expect(await page.locator('figure#by-day [data-bar]').count()).toBeGreaterThanOrEqual(1);

  // The figures are the JSON API's, fetched with the same cookies.
  const res = await page.request.get('/api/events/edition-demo/report');
  expect(res.status()).toBe(200);
  const report = (await res.json()) as Report;
  const r = report.registrations;
  expect(r.total).toBeGreaterThanOrEqual(1);
  for (const key of ['present', 'onsite', 'online', 'noShowRate'] as const) {
    await expect(page.locator(`[data-figure="${key}"]`)).toHaveAttribute('data-value', String(r[key]));
  }
  await expect(page.locator('[data-figure="registered"]')).toHaveAttribute('data-value', String(r.total));
  expect(await tableValues(page, 'by-day')).toEqual(r.byDay.map((d) => [d.count]));
  // What drove registrations: one row per source, the JSON's counts, which add up to the total.
  expect(await tableValues(page, 'by-source')).toEqual(r.bySource.map((x) => [x.count]));
  expect(r.bySource.reduce((sum, x) => sum + x.count, 0)).toBe(r.total);
  const columns = ['registered', 'checkedIn', 'peakOnline', 'averageOnline', 'medianMinutesWatched', 'questions', 'votes', 'messages', 'pollAnswers', 'replayViews'];
  // Live sessions' averages and medians grow by the second (open rows count up to now): those two
  // within a minute's worth of the JSON read just after the page, every other figure exactly.
  const moving = new Set(['averageOnline', 'medianMinutesWatched']);
  const rows = await tableValues(page, 'sessions');
  expect(rows.map((row) => row.map((v, i) => (moving.has(columns[i]!) ? 0 : v)))).toEqual(
    report.sessions.map((s) => columns.map((c) => (moving.has(c) ? 0 : s[c]))),
  );
  rows.forEach((row, k) => columns.forEach((c, i) => moving.has(c) && expect(Math.abs(row[i]! - Number(report.sessions[k]![c]))).toBeLessThanOrEqual(1)));
  expect(await tableValues(page, 'per-session')).toEqual(report.sessions.map((s) => [s.registered, s.checkedIn, s.peakOnline]));

  expect(await serious(page)).toEqual([]);

  // Print: no navigation, no buttons; the figures stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.getByTestId('print-report')).toBeHidden();
  await expect(page.locator('table[data-figures="sessions"]')).toBeVisible();
  // A table folded on screen (more than 8 sessions) is unfolded on paper.
  await expect(page.locator('table[data-figures="per-session"]')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('table[data-figures="per-session"]')).toBeHidden();
  await expect(page.getByTestId('print-report')).toBeVisible();

  // A session's report: its attendance curve is the JSON's, with its table; accessible too.
  const past = report.sessions.find((s) => s.slug === 'webinaire-d-hier')!;
  await page.locator(`table[data-figures="sessions"] tr[data-session="${past.id}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`${REPORT}/webinaire-d-hier$`));
  const sessionJson = (await (await page.request.get(`/api/sessions/${past.id}/report`)).json()) as Report['sessions'][number];
  if (sessionJson.attendance.length > 0) {
    await expect(page.locator('figure#attendance-curve svg[role="img"] path').first()).toBeAttached();
    expect(await tableValues(page, 'attendance-curve')).toEqual(sessionJson.attendance.map((p) => [p.online]));
  }
  await expect(page.locator('figure#engagement-chart svg[role="img"]')).toBeVisible();
  await expect(page.getByTestId('feedback-slot')).toBeVisible();
  expect(await serious(page)).toEqual([]);

  // At phone width, nothing scrolls sideways (wide tables scroll inside their own box).
  for (const path of [REPORT, `${REPORT}/webinaire-d-hier`]) {
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(path);
    await expect(phone.locator('figure[data-chart]').first()).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.close();
  }

  // Without JavaScript, the same tables are there.
  const noJs = await page.context().browser()!.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const bare = await noJs.newPage();
  await bare.goto(REPORT);
  await expect(bare.locator('table[data-figures="sessions"] tbody tr')).toHaveCount(report.sessions.length);
  await expect(bare.locator('table[data-figures="by-day"]')).toBeAttached();
  await expect(bare.locator('figure#by-day svg[role="img"]')).toBeVisible();
});

test('someone who lands from a mail’s link, browses, then registers is counted under that mail in the report', async ({ page, browser }) => {
  await signInWithMagicLink(page, 'organisatrice@chemins.test');
  const reportJson = async () => (await (await page.request.get('/api/events/edition-demo/report')).json()) as Report;
  const fromMail = async () => (await reportJson()).registrations.bySource.find((x) => x.source === 'mail:reminder_day')?.count ?? 0;
  const before = await fromMail();

  // The reminder's link to the session page, then the programme (no marker), then the form.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${WORKSHOP}?via=mail:reminder_day`);
  await visitor.waitForFunction(() => sessionStorage.getItem('chemins:via:edition-demo') === 'mail:reminder_day');
  await visitor.goto('/events/edition-demo');
  await visitor.goto(WORKSHOP);
  await visitor.getByRole('link', { name: 'S’inscrire à cette session' }).click();
  await expect(visitor.locator('input[name="source"]')).toHaveValue('mail:reminder_day');
  await registerThroughForm(visitor, 'Venue du rappel', `rappel-${Date.now()}@chemins.test`);
  expect(await fromMail()).toBe(before + 1);
  // /privacy says so: what is measured, and that the marker stays in the tab.
  await visitor.goto('/privacy');
  await expect(visitor.getByTestId('report-measures')).toContainText('?via=');

  // The page names the mail in the reader's language; its table is the JSON's; accessible.
  await page.goto(REPORT);
  const report = await reportJson();
  expect(await tableValues(page, 'by-source')).toEqual(report.registrations.bySource.map((x) => [x.count]));
  await expect(page.locator('table[data-figures="by-source"]')).toContainText('Courriel de rappel la veille');
  await expect(page.getByRole('heading', { name: 'Ce qui a amené les inscriptions' })).toBeVisible();
  expect(await serious(page)).toEqual([]);
});

test('someone who does not organize the event is refused the report, page and JSON', async ({ page }) => {
  await page.goto(REPORT);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signInWithMagicLink(page, 'participante@chemins.test');
  await page.goto(REPORT);
  await expect(page.getByTestId('report-forbidden')).toBeVisible();
  await expect(page.locator('figure[data-chart]')).toHaveCount(0);
  expect((await page.request.get('/api/events/edition-demo/report')).status()).toBe(403);
  await page.goto(`${REPORT}/webinaire-d-hier`);
  await expect(page.getByTestId('report-forbidden')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { closeOwnContexts, signInWithMagicLink } from './support/helpers';

test.afterEach(closeOwnContexts);

type Report = { registrations: { total: number }; sessions: { id: string; slug: string; peakOnline: number; attendance: { online: number }[] }[] };

// The organizer's report over HTTP (docs/report.md): who may read it, the demo's curves, the CSV,
// the public open-data package, and the licence the organizers choose on their page, at phone width.
test('the report: 401 for nobody, 403 for others, the organizers’ figures and CSV, the moderators’ own session, public open data', async ({ browser, request }) => {
  expect((await request.get('/api/events/edition-demo/report')).status()).toBe(401);
  expect((await request.get('/api/events/edition-demo/report.csv')).status()).toBe(401);
  const zip = await request.get('/api/events/edition-demo/open-data.zip');
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  expect((await request.get('/api/events/no-such-event/open-data.zip')).status()).toBe(404);

  const participant = await (await browser.newContext()).newPage();
  await signInWithMagicLink(participant, 'participante@chemins.test');
  const refused = await participant.request.get('/api/events/edition-demo/report');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden');

  const organizer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  const res = await organizer.request.get('/api/events/edition-demo/report');
  expect(res.status()).toBe(200);
  const report = (await res.json()) as Report;
  const past = report.sessions.find((s) => s.slug === 'webinaire-d-hier')!;
  const live = report.sessions.find((s) => s.slug === 'ouverture-en-direct')!;
  expect(past.peakOnline).toBeGreaterThan(0);
  expect(live.attendance.some((p) => p.online > 0)).toBe(true);
  const csv = await organizer.request.get('/api/events/edition-demo/report.csv?table=registrations-by-day');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).replace(/^\uFEFF/, '').split('\n')[0]).toBe('Jour,Inscriptions');
  const bad = await organizer.request.get('/api/events/edition-demo/report.csv?table=everything');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.table).toBeTruthy();

  // The moderator of the live sessions (and of yesterday's) sees his own sessions' reports, not the event's.
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  expect((await moderator.request.get('/api/events/edition-demo/report')).status()).toBe(403);
  expect((await moderator.request.get(`/api/sessions/${live.id}/report`)).status()).toBe(200);
  const other = report.sessions.find((s) => s.slug === 'table-ronde-tiers-lieux')!; // not one of his
  expect((await moderator.request.get(`/api/sessions/${other.id}/report`)).status()).toBe(403);
  expect((await participant.request.get(`/api/sessions/${live.id}/report`)).status()).toBe(403);

  // The organizers choose the open data's licence in the exports of their page.
  await organizer.goto('/organize/edition-demo#exports');
  const licence = organizer.getByLabel('Licence des données ouvertes');
  await expect(licence).toBeVisible();
  await licence.selectOption('CC-BY-4.0');
  await organizer.getByRole('button', { name: 'Enregistrer la licence' }).click();
  await expect(organizer).toHaveURL(/saved=exports/);
  await expect(organizer.getByLabel('Licence des données ouvertes')).toHaveValue('CC-BY-4.0');
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_EVENT, lastMailTo, signInWithMagicLink } from './support/helpers';

const WORKSHOP = `${DEMO_EVENT}/sessions/atelier-documenter-ensemble`;

test('register from the session page, get the mail, open the personal link, cancel; the organizer sees the count change and exports CSV', async ({
  browser,
}) => {
  const organizer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(organizer, 'organisatrice@chemins.test');
  await organizer.goto(`/organize/edition-demo`);
  const row = organizer.locator('[data-session-slug="atelier-documenter-ensemble"]');
  const before = Number(await row.locator('[data-col="confirmed"]').textContent());

  const visitor = await (await browser.newContext()).newPage();
  const email = `inscrite-${Date.now()}@chemins.test`;
  await visitor.goto(WORKSHOP);
  await visitor.getByRole('link', { name: 'S’inscrire à cette session' }).click();
  await expect(visitor.getByRole('checkbox', { name: /Atelier : documenter ensemble/ })).toBeChecked();
  // Bad input first: no consent, malformed e-mail → clear messages, nothing stored.
  await visitor.getByLabel('Nom', { exact: true }).fill('Inès Inscrite');
  await visitor.getByLabel('Adresse e-mail').fill('pas-une-adresse');
  await visitor.getByRole('button', { name: 'M’inscrire' }).click();
  const alert = visitor.locator('main').getByRole('alert');
  await expect(alert).toContainText('Saisissez une adresse e-mail valide.');
  await expect(alert).toContainText('Il faut accepter');
  await visitor.getByLabel('Adresse e-mail').fill(email);
  await visitor.getByRole('group', { name: 'Déjeunerez-vous sur place ?' }).getByLabel('Oui').check();
  await visitor.getByLabel('Interprétation LSF').check();
  await visitor.getByLabel(/J’accepte/).check();
  await visitor.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(visitor.getByRole('heading', { name: 'Mon inscription' })).toBeVisible();
  await expect(visitor.getByTestId('my-seats').locator('[data-seat="confirmed"]')).toContainText('Atelier : documenter ensemble');

  const mail = await lastMailTo(email);
  expect(mail.subject).toContain('Inscription confirmée');
  const link = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  await organizer.reload();
  await expect(row.locator('[data-col="confirmed"]')).toHaveText(String(before + 1));
  const download = organizer.waitForEvent('download');
  await organizer.locator('#exports').getByRole('link', { name: 'Exporter en CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  // In the organizer's language: headers, the questions by their labels, yes/no (docs/i18n.md).
  expect(csv).toContain('Nom,E-mail,Inscrit·e le (Europe/Paris),Arrivé·e le (Europe/Paris),Sessions,Sur place ou en ligne,Besoins d’accessibilité,Déjeunerez-vous sur place ?');
  expect(csv).toMatch(new RegExp(`Inès Inscrite,${email},[^\n]*,Interprétation LSF,oui`));

  // A fresh browser opens the personal link from the mail and cancels.
  const fromMail = await (await browser.newContext()).newPage();
  await fromMail.goto(link!);
  await fromMail.getByRole('button', { name: 'Me désinscrire de cette session' }).click();
  await expect(fromMail.getByText('Aucune session choisie.')).toBeVisible();

  await organizer.reload();
  await expect(row.locator('[data-col="confirmed"]')).toHaveText(String(before));
});

test('the public API refuses bad registrations with clear errors and keeps what was stored', async ({ request }) => {
  const sessions = await (await request.get('/api/events/edition-demo/sessions')).json();
  const invitation = sessions.find((s: { slug: string }) => s.slug === 'reunion-coordinateurs');
  const url = '/api/events/edition-demo/registrations';
  const email = `api-${Date.now()}@chemins.test`;
  const created = await request.post(url, { data: { name: 'Api', email, consent: true } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({ status: 'active', sessions: [] });
  expect(body.joinToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  // Whoever holds the registration (its join token) updates it; anybody else typing the address changes nothing.
  const holder = { authorization: `Bearer ${body.joinToken}` };
  const again = await request.post(url, { data: { name: 'Api', email, consent: true }, headers: holder });
  expect(again.status()).toBe(200);
  expect((await again.json()).id).toBe(body.id);
  const stranger = await request.post(url, { data: { name: 'Someone', email, consent: true } });
  expect(stranger.status()).toBe(202);
  expect(await stranger.json()).toEqual({ mailed: true });

  const bad = await request.post(url, { data: { name: '', email: 'nope', consent: false } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'invalid', fields: { name: expect.any(String), email: expect.any(String), consent: expect.any(String) } });
  expect((await request.post(url, { data: 'not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
  expect((await request.post('/api/events/nope/registrations', { data: { name: 'A', email, consent: true } })).status()).toBe(404);
  const forbidden = await request.post(url, { data: { name: 'Api', email, consent: true, sessionIds: [invitation.id] }, headers: holder });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe('invitation_required');
  // The refused request changed nothing: the registration is still there, without that session.
  const still = await request.post(url, { data: { name: 'Api', email, consent: true }, headers: holder });
  expect((await still.json()).sessions).toEqual([]);

  const ics = await request.get(`/api/me/calendar.ics?token=${body.joinToken}`);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  expect((await request.get('/api/me/calendar.ics?token=nope')).status()).toBe(404);
});

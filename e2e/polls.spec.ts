import { expect, type Locator, type Page, test } from '@playwright/test';
import postgres from 'postgres';
import { launch, LIVE_SESSION, liveSessionId, RUN_ID, registrant, signInWithMagicLink } from './support/helpers';

/** Answers the poll `question` in `page`'s poll panel: `fill` gives the answer, then it is sent and saved. The panel. */
async function answer(page: Page, question: string, fill: (panel: Locator) => Promise<unknown>): Promise<Locator> {
  const panel = page.getByTestId('poll-panel');
  await expect(panel).toContainText(question);
  await fill(panel);
  await panel.getByRole('button', { name: 'Répondre' }).click();
  await expect(panel.getByTestId('poll-saved')).toBeVisible();
  return panel;
}

test('a moderator runs a multiple-choice poll and a word cloud; the projector shows them live; the export keeps them', async ({ browser }) => {
  const stamp = Date.now();
  const choice = `Quels formats préférez-vous ? ${stamp}`;
  const cloud = `Un mot pour cette ouverture ? ${stamp}`;
  const alice = await registrant(browser, 'Aline');
  const bob = await registrant(browser, 'Basile');

  const mod = await (await browser.newContext()).newPage();
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  await mod.goto(`${LIVE_SESSION}/moderate`);
  await expect(mod.getByTestId('moderator-view')).toBeVisible();
  const screen = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  await screen.goto(`${LIVE_SESSION}/projector`);
  await expect(screen.getByTestId('projector')).toBeVisible();

  await launch(mod, 'Choix multiple', choice, 'Atelier\nPlénière\nBalade');
  const onScreen = screen.getByTestId('projector-poll');
  await expect(onScreen).toContainText(choice);

  for (const [page, picks] of [
    [alice, ['Atelier', 'Balade']],
    [bob, ['Balade']],
  ] as const) {
    await answer(page, choice, async (panel) => {
      for (const p of picks) await panel.getByLabel(p).check();
    });
  }
  // Live bars on the projector: Atelier 1, Plénière 0, Balade 2.
  await expect(onScreen.getByTestId('poll-total')).toHaveAttribute('data-total', '2');
  await expect(onScreen.getByTestId('poll-bar')).toHaveCount(3);
  await expect(onScreen.getByTestId('poll-bar').nth(0)).toHaveAttribute('data-count', '1');
  await expect(onScreen.getByTestId('poll-bar').nth(1)).toHaveAttribute('data-count', '0');
  await expect(onScreen.getByTestId('poll-bar').nth(2)).toHaveAttribute('data-count', '2');

  // Bob adds a choice; the bars follow.
  const bobPanel = bob.getByTestId('poll-panel');
  await bobPanel.getByLabel('Plénière').check();
  await bobPanel.getByRole('button', { name: 'Changer ma réponse' }).click();
  await expect(onScreen.getByTestId('poll-bar').nth(1)).toHaveAttribute('data-count', '1');

  // The word cloud replaces it (launching closes the live poll).
  await launch(mod, 'Nuage de mots', cloud);
  await expect(onScreen).toContainText(cloud);
  const words: [Page, string][] = [
    [alice, 'Écoute'],
    [bob, "l'écoute"],
  ];
  for (const [page, word] of words) {
    await answer(page, cloud, (panel) => panel.getByLabel('Un mot ou deux').fill(word));
  }
  await expect(onScreen.getByTestId('poll-word').filter({ hasText: 'ecoute' })).toHaveAttribute('data-count', '2');

  // Close it; the export holds both polls' results.
  await mod.getByTestId('managed-poll').filter({ hasText: cloud }).getByRole('button', { name: 'Clore' }).click();
  await expect(alice.getByTestId('poll-panel')).toContainText('Sondage clos');
  const id = await liveSessionId(mod);
  const md = await (await mod.request.get(`/api/sessions/${id}/qa.md`)).text();
  expect(md).toContain('## Sondages');
  expect(md).toContain(choice);
  expect(md).toContain('- Plénière — 1\n- Balade — 2');
  expect(md).toContain('- ecoute — 2');
  const csv = await (await mod.request.get(`/api/sessions/${id}/qa.csv`)).text();
  // In the requester's language (French here): headers and poll kinds from the catalogue.
  expect(csv).toContain('Identifiant du sondage,Sondage,Type,Réponse,Nombre,Réponses au total');
  expect(csv).toContain(`,${cloud},Nuage de mots,ecoute,2,2`);
  // Asked in English (Accept-Language, no language cookie): the same file in English.
  const en = await mod.request.get(`/api/sessions/${id}/qa.csv`, { headers: { 'accept-language': 'en' } });
  expect(en.headers()['content-language']).toBe('en');
  const csvEn = await en.text();
  expect(csvEn).toContain('Poll ID,Poll,Kind,Answer,Count,Total answers');
  expect(csvEn).toContain(`,${cloud},`);

  // Leave the session without a current poll for the other specs.
  for (const q of [choice, cloud]) await mod.getByTestId('managed-poll').filter({ hasText: q }).getByRole('button', { name: 'Cacher les résultats' }).click();
  await expect(alice.getByTestId('poll-panel')).toHaveCount(0);
});

test('a speaker runs a named poll from the session page and sees who answered what; participants are told before answering and see no names', async ({ browser }) => {
  const question = `Qui vient à l’atelier ? ${Date.now()}`;
  const carla = await registrant(browser, 'Carla');
  const speaker = await (await browser.newContext()).newPage();
  await signInWithMagicLink(speaker, 'intervenante@chemins.test');
  // She speaks in the live session only: another session's page offers her no polls to prepare.
  const sessions: { slug: string; live: boolean; startsAt: string }[] = await (await speaker.request.get('/api/events/edition-demo/sessions')).json();
  const later = sessions.find((s) => !s.live && new Date(s.startsAt).getTime() > Date.now())!;
  await speaker.goto(`/events/edition-demo/sessions/${later.slug}`);
  await expect(speaker.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(speaker.getByTestId('prepare-polls')).toHaveCount(0);
  await carla.goto(`/events/edition-demo/sessions/${later.slug}`);
  await expect(carla.getByTestId('prepare-polls')).toHaveCount(0);
  await carla.goto(LIVE_SESSION);
  await speaker.goto(LIVE_SESSION);
  await speaker.getByRole('link', { name: 'Sondages de la session' }).first().click();
  await expect(speaker.getByTestId('speaker-polls')).toBeVisible();
  // The polls only: the Q&A queue and the chat stay with the moderators.
  await expect(speaker.getByTestId('moderator-view')).toHaveCount(0);

  const manager = speaker.getByTestId('poll-manager');
  await manager.getByLabel('Type').selectOption({ label: 'Choix unique' });
  await manager.getByLabel('Question').fill(question);
  await manager.getByLabel('Options (une par ligne)').fill('Oui\nNon');
  await manager.getByLabel('Réponses anonymes, y compris pour l’équipe').uncheck();
  await manager.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const item = manager.getByTestId('managed-poll').filter({ hasText: question });
  await expect(item.getByTestId('poll-anonymity')).toHaveText('Nominatif');
  await item.getByRole('button', { name: 'Lancer' }).click();
  await expect(item).toHaveAttribute('data-status', 'live');
  // Anonymity is fixed once launched.
  await expect(item.getByLabel('Réponses anonymes (modifiable jusqu’au lancement)')).toHaveCount(0);

  const panel = await answer(carla, question, async (panel) => {
    await expect(panel.getByTestId('poll-anonymity-note')).toContainText('Votre nom sera visible par les modérateur·rices.');
    await panel.getByLabel('Oui').check();
  });
  await expect(carla.getByTestId('poll-named')).toHaveCount(0);

  const named = item.getByTestId('poll-named');
  await named.getByText('Voir qui a répondu quoi').click();
  await expect(named.getByTestId('poll-named-answer')).toHaveText(['Carla — Oui']);
  // A change of answer shows up in the list (read again with the results).
  await panel.getByLabel('Non').check();
  await panel.getByRole('button', { name: 'Changer ma réponse' }).click();
  await expect(named.getByTestId('poll-named-answer')).toHaveText(['Carla — Non']);
  await item.getByRole('button', { name: 'Clore' }).click();
  await expect(item).toHaveAttribute('data-status', 'closed');

  // A participant is not let into the moderate page.
  await carla.goto(`${LIVE_SESSION}/moderate`);
  await expect(carla.getByRole('alert').filter({ hasText: 'réservée à la modération' })).toBeVisible();
  await expect(carla.getByTestId('poll-manager')).toHaveCount(0);

  // The export names who answered this poll.
  const mod = await (await browser.newContext()).newPage();
  await signInWithMagicLink(mod, 'moderateur@chemins.test');
  const id = await liveSessionId(mod);
  const md = await (await mod.request.get(`/api/sessions/${id}/qa.md`)).text();
  expect(md).toContain(`**Réponses nominatives**\n\n- Carla — Non`);
  const csv = await (await mod.request.get(`/api/sessions/${id}/qa.csv`)).text();
  expect(csv).toContain('Identifiant du sondage,Sondage,Nom,Réponse,Répondu le (');
  expect(csv).toMatch(new RegExp(`,${question.replace(/[?]/g, '\\?')},Carla,Non,`));
  for (const p of [carla, speaker, mod]) await p.context().close();
});

test('an organizer lets guests write in a session; a guest then answers a poll without registering, and only then', async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, 'reads and sets the setting in the Postgres of DATABASE_URL');
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const org = await (await browser.newContext()).newPage();
  const mod = await (await browser.newContext()).newPage();
  const guest = await (await browser.newContext()).newPage();
  try {
    // The setting, on the organizer's session form (off by default, kept when saved).
    await signInWithMagicLink(org, 'organisatrice@chemins.test');
    await org.goto('/organize/edition-demo');
    await org.getByRole('link', { name: 'Nouvelle session' }).click();
    const setting = org.getByLabel('Les invité·es (sans inscription) peuvent écrire');
    await expect(setting).toHaveValue('no');
    const slug = `invites-e2e-${RUN_ID}`;
    await org.getByLabel('Titre').fill(`Invité·es e2e ${RUN_ID}`);
    await org.getByLabel('Adresse (slug)').fill(slug);
    await org.getByLabel('Jour').fill('2031-03-03');
    await setting.selectOption({ label: 'Oui : questions, chat et sondages' });
    await org.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(org.locator('main').getByRole('status')).toHaveText('Enregistré.');
    const [saved] = await sql<{ id: string; guests_write: boolean }[]>`select id, guests_write from programme_sessions where slug = ${slug}`;
    expect(saved?.guests_write).toBe(true);
    await org.goto(`/organize/edition-demo/sessions/${saved!.id}`);
    await expect(setting).toHaveValue('yes');

    // The live session lets guests write (set directly: its form would move its times).
    await signInWithMagicLink(mod, 'moderateur@chemins.test');
    const liveId = await liveSessionId(mod);
    await sql`update programme_sessions set guests_write = true where id = ${liveId}`;
    await mod.goto(`${LIVE_SESSION}/moderate`);
    const question = `Une question pour la salle ? ${Date.now()}`;
    const item = await launch(mod, 'Choix unique', question, 'Oui\nNon');

    await guest.goto(LIVE_SESSION);
    await answer(guest, question, async (panel) => {
      await expect(panel.getByTestId('poll-anonymity-note')).toContainText('Vous répondez en tant qu’invité·e.');
      await panel.getByLabel('Non').check();
    });
    await expect(item.getByTestId('poll-total')).toHaveAttribute('data-total', '1');
    // The guest is who the server said (POST /api/guest): a signed cookie the page's scripts cannot read.
    expect((await guest.context().cookies()).find((c) => c.name === 'chemins-guest')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // Reloading, the same browser is the same guest: their answer is still theirs.
    await guest.reload();
    await expect(guest.getByTestId('poll-panel').getByRole('button', { name: 'Changer ma réponse' })).toBeVisible();

    // Turned off again: the guest only reads.
    await sql`update programme_sessions set guests_write = false where id = ${liveId}`;
    await guest.reload();
    await expect(guest.getByTestId('poll-panel')).toContainText('Pour répondre, connectez-vous');
    await expect(guest.getByTestId('poll-form')).toHaveCount(0);
    await item.getByRole('button', { name: 'Clore' }).click();
    await item.getByRole('button', { name: 'Cacher les résultats' }).click();
    await expect(guest.getByTestId('poll-panel')).toHaveCount(0);
  } finally {
    await sql`update programme_sessions set guests_write = false where slug = 'ouverture-en-direct'`;
    await sql.end();
    for (const p of [org, mod, guest]) await p.context().close();
  }
});

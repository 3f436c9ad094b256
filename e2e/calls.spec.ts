import { expect, type Browser, test, type Page } from '@playwright/test';
import { mailMatching, RUN_ID, signInWithMagicLink } from './support/helpers';

// A call for proposals, end to end: an organizer opens it, a proposer submits, a committee member
// requests changes with a reason, the proposer edits, the committee accepts and schedules (with a
// new title: shown as a diff); the proposer and a signed-out visitor both see the timeline, and the
// programme shows "proposé par".
test.describe.configure({ timeout: 180_000 });

const CALL = `appel-e2e-${RUN_ID}`;
const PROPOSER = `proposant-${RUN_ID}@chemins.test`;
const MEMBER = 'comite@chemins.test';
/** The demo event's open call (db/seed/data/calls.ts); the committee member above sits on it. */
const DEMO_CALL = 'appel-edition-demo';

/** YYYY-MM-DD and YYYY-MM-DDTHH:MM in Paris, `days` from now. */
function paris(days: number): { day: string; local: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return { day, local: `${day}T${parts.hour}:${parts.minute}` };
}


async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('a proposal goes from submission to the programme, its decision trail public', async ({ browser }) => {
  // The organizer opens a call from the organizer page.
  const organizer = await signedIn(browser, 'organisatrice@chemins.test');
  await organizer.goto('/organize/edition-demo');
  await organizer.getByRole('link', { name: 'Nouvel appel' }).click();
  await organizer.getByLabel('Titre', { exact: true }).fill(`Appel e2e ${RUN_ID}`);
  await organizer.getByLabel('Adresse (slug)').fill(CALL);
  await organizer.getByLabel('Ouverture').fill(paris(-1).local);
  await organizer.getByLabel('Clôture').fill(paris(10).local);
  // An answer date before the closing is refused on its field.
  await organizer.getByLabel('Réponse au plus tard le').fill(paris(5).local);
  await organizer.getByLabel('Formats (un par ligne)').fill('Atelier\nTable ronde');
  await organizer.getByLabel('Nombre de créneaux').fill('3');
  await organizer.getByLabel('Questions posées (une par ligne)').fill('À qui s’adresse votre proposition ?');
  await organizer.getByLabel('Critères de décision').fill('Faire ensemble.');
  await organizer.getByLabel('Nom du comité').fill('Comité e2e');
  await organizer.getByLabel(/Membres du comité/).fill(`${MEMBER} Membre du comité (démo)`);
  await organizer.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(organizer.getByText('La date de réponse vient après la fermeture de l’appel.')).toBeVisible();
  await organizer.getByLabel('Réponse au plus tard le').fill(paris(20).local);
  await organizer.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(organizer.getByRole('heading', { name: `Appel e2e ${RUN_ID}` })).toBeVisible();
  await expect(organizer.getByTestId('committee')).toContainText('Comité e2e');

  // A signed-in person proposes.
  const proposer = await signedIn(browser, PROPOSER);
  await proposer.goto(`/calls/${CALL}`);
  await proposer.getByRole('link', { name: 'Faire une proposition' }).click();
  await proposer.getByLabel('Titre', { exact: true }).fill(`Cartographie e2e ${RUN_ID}`);
  await proposer.getByLabel('Format').selectOption('Atelier');
  await proposer.getByLabel('Résumé').fill('Un atelier pour cartographier les communs.');
  await proposer.getByLabel('À qui s’adresse votre proposition ?').fill('Aux tiers-lieux.');
  await proposer.getByLabel(/Besoins/).fill('Un accès de plain-pied');
  await proposer.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(proposer.getByRole('status')).toContainText('Proposition envoyée');
  const proposalUrl = new URL(proposer.url()).pathname;
  await expect(proposer.getByTestId('private')).toContainText('Un accès de plain-pied');
  expect((await mailMatching(PROPOSER, /Proposition reçue/)).text).toContain(proposalUrl);

  // A committee member requests changes, with a reason.
  const member = await signedIn(browser, MEMBER);
  await member.goto(`/calls/${CALL}/review`);
  await member.getByRole('link', { name: `Cartographie e2e ${RUN_ID}` }).click();
  await member.getByLabel('Note (1 à 5)').fill('4');
  await member.getByLabel('Commentaire').fill('Note interne du comité');
  await member.getByRole('button', { name: 'Enregistrer mon avis' }).click();
  await expect(member.getByTestId('reviews')).toContainText('Note interne du comité');
  await member.getByLabel('Décision', { exact: true }).selectOption('request_changes');
  await member.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(member.locator('main').getByRole('alert')).toContainText('Vérifiez les champs signalés.');
  // The field's own message, from the catalogue (no English from the server).
  await expect(member.getByText('Donnez une raison écrite.')).toBeVisible();
  await member.getByLabel('Décision', { exact: true }).selectOption('request_changes');
  await member.getByLabel(/^Raison/).fill('Précisez le public visé.');
  await member.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(member.getByTestId('timeline')).toContainText('Précisez le public visé.');
  expect((await mailMatching(PROPOSER, /Modifications demandées/)).text).toContain('Précisez le public visé.');

  // The proposer edits: back to the committee.
  await proposer.goto(proposalUrl);
  await expect(proposer.getByTestId('proposal-status').first()).toHaveText('Modifications demandées');
  await proposer.getByRole('link', { name: 'Modifier la proposition' }).click();
  await proposer.getByLabel('Résumé').fill('Un atelier pour cartographier les communs, pour les tiers-lieux.');
  await proposer.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(proposer.getByRole('status')).toHaveText('Enregistré.');
  await expect(proposer.getByTestId('proposal-status').first()).toHaveText('Déposée');
  await expect(proposer.getByTestId('private')).toContainText('Version 2');

  // The committee accepts, then schedules with a new title.
  await member.goto(proposalUrl);
  await member.getByLabel('Décision', { exact: true }).selectOption('accept');
  await member.getByLabel(/^Raison/).fill('Répond aux critères.');
  await member.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(member.getByTestId('proposal-status').first()).toHaveText('Acceptée');
  const when = paris(1).day;
  await member.getByLabel('Titre', { exact: true }).fill(`Cartographier ensemble e2e ${RUN_ID}`);
  await member.getByLabel('Jour').fill(when);
  await member.getByLabel('Début').fill('16:00');
  await member.getByLabel('Fin').fill('17:30');
  await member.getByRole('button', { name: 'Programmer la session' }).click();
  await expect(member.getByTestId('proposal-status').first()).toHaveText('Programmée');
  expect((await mailMatching(PROPOSER, /Programmée/)).text).toContain(`Cartographier ensemble e2e ${RUN_ID}`);

  // The session stays a draft until the organizers publish it (e2e/organize-setup.spec.ts).
  await organizer.goto('/organize/edition-demo');
  const draft = organizer.getByTestId('organizer-programme').locator('li').filter({ hasText: `Cartographier ensemble e2e ${RUN_ID}` });
  await expect(draft).toContainText('Brouillon');
  await draft.getByRole('link', { name: 'Modifier' }).click();
  await organizer.getByLabel('Publication').selectOption('published');
  await organizer.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
  await expect(organizer.locator('main').getByRole('status')).toHaveText('Enregistré.');

  // The proposer and a signed-out visitor both see the timeline, the diff, and no private data.
  await proposer.goto(proposalUrl);
  await expect(proposer.getByTestId('timeline').locator('li')).toHaveCount(5);
  await expect(proposer.getByTestId('diff')).toContainText(`Cartographie e2e ${RUN_ID}`);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(proposalUrl);
  const timeline = visitor.getByTestId('timeline');
  await expect(timeline.locator('li')).toHaveCount(5);
  await expect(timeline).toContainText('Précisez le public visé.');
  await expect(timeline).toContainText('par Comité e2e');
  await expect(visitor.getByTestId('diff')).toContainText(`Cartographier ensemble e2e ${RUN_ID}`);
  await expect(visitor.getByTestId('private')).toHaveCount(0);
  await expect(visitor.locator('body')).not.toContainText('Note interne du comité');
  await expect(visitor.locator('body')).not.toContainText(PROPOSER);

  // On the programme: "proposé par", linking back to the trail.
  await visitor.getByTestId('session-link').click();
  await expect(visitor.getByRole('heading', { name: `Cartographier ensemble e2e ${RUN_ID}` })).toBeVisible();
  await expect(visitor.getByTestId('proposed-by')).toContainText('proposé par');
  await visitor.goto('/events/edition-demo');
  const onProgramme = visitor.getByTestId('proposed-by').filter({ has: visitor.locator(`a[href="${proposalUrl}"]`) });
  await expect(onProgramme).toHaveCount(1);
  await onProgramme.getByRole('link').click();
  await expect(visitor).toHaveURL(new RegExp(`${proposalUrl}$`));
});

test('a proposer who deletes their account stays on the review board and the trail as a former participant', async ({ browser }) => {
  // A person signed in by magic link only (no name on the account: they sign with the start of their address).
  const email = `efface-${RUN_ID}@chemins.test`;
  const title = `Proposition effacée ${RUN_ID}`;
  const proposer = await signedIn(browser, email);
  await proposer.goto(`/calls/${DEMO_CALL}/propose`);
  await proposer.getByLabel('Titre', { exact: true }).fill(title);
  await proposer.getByLabel('Format').selectOption('Atelier');
  await proposer.getByLabel('Résumé').fill('Un atelier dont l’autrice efface ensuite son compte.');
  await proposer.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(proposer.getByRole('status')).toContainText('Proposition envoyée');
  const proposalUrl = new URL(proposer.url()).pathname;

  // They delete their account (the /me/data page's request).
  const erased = await proposer.request.post('/api/me/erase', { data: { confirm: true }, headers: { origin: new URL(proposer.url()).origin } });
  expect(erased.status(), await erased.text()).toBe(200);

  // The committee's board and the proposal's trail name them from the catalogue, never blank nor by their address.
  const member = await signedIn(browser, MEMBER);
  await member.goto(`/calls/${DEMO_CALL}/review`);
  const row = member.getByTestId('review-board').locator('tr').filter({ hasText: title });
  await expect(row.getByTestId('proposer')).toHaveText('ancien·ne participant·e');
  await member.goto(proposalUrl);
  await expect(member.getByTestId('timeline')).toContainText('par ancien·ne participant·e');
  await expect(member.getByTestId('private')).toContainText('ancien·ne participant·e');
  await expect(member.locator('main')).not.toContainText(`efface-${RUN_ID}`);
  // In English too.
  await member.context().addCookies([{ name: 'locale', value: 'en', url: new URL(member.url()).origin }]);
  await member.goto(`/calls/${DEMO_CALL}/review`);
  await expect(member.getByTestId('review-board').locator('tr').filter({ hasText: title }).getByTestId('proposer')).toHaveText('former participant');
  for (const p of [proposer, member]) await p.context().close();
});

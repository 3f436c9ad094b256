import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { closeOwnContexts, mailMatching, RUN_ID, WCAG_TAGS, withRunEvent } from './support/helpers';

// After a session (issue 30): the feedback request mailed to one who attended; its link works
// without sign-in, once, at phone width, with and without JavaScript. The session, its event and
// its attendees are made in the Postgres of DATABASE_URL (a session that ended twenty minutes ago
// cannot be made through the app); the server's mail worker does the rest.
test.afterEach(closeOwnContexts);

const PHONE = { width: 390, height: 844 };

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the feedback link from the mail takes one answer without sign-in, with or without JavaScript', async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, 'makes a past session in the Postgres of DATABASE_URL');
  const slug = `apres-e2e-${RUN_ID}`;
  await withRunEvent(slug, async (sql, eventId) => {
    const emails = { withJs: `avis-${RUN_ID}@chemins.test`, noJs: `avis-sans-js-${RUN_ID}@chemins.test` };
    // In one transaction: the mail worker never sees the session without its attendees.
    const sessionId = await sql.begin(async (tx) => {
      const [session] = await tx<{ id: string }[]>`insert into programme_sessions (event_id, slug, title, kind, mode, starts_at, ends_at)
        values (${eventId}, 'atelier-passe', 'Atelier passé', 'workshop', 'hybrid', now() - interval '80 minutes', now() - interval '20 minutes') returning id`;
      for (const [name, email] of [
        ['Aya', emails.withJs],
        ['Noé', emails.noJs],
      ]) {
        const [reg] = await tx<{ id: string }[]>`insert into registrations (event_id, name, email, join_token, consent_at, checked_in_at)
          values (${eventId}, ${name!}, ${email!}, new_token(), now(), now() - interval '70 minutes') returning id`;
        await tx`insert into registration_sessions (registration_id, session_id, status) values (${reg!.id}, ${session!.id}, 'confirmed')`;
      }
      return session!.id;
    });

    // With JavaScript, at phone width, in a browser that never signed in.
    const mail = await mailMatching(emails.withJs, /Atelier passé/);
    expect(mail.subject).toBe('Votre avis sur « Atelier passé »');
    const link = /https?:\/\/\S+\/feedback\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, 'the mail carries the feedback link').toBeTruthy();
    const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await phone.goto(link!);
    await expect(phone.getByRole('heading', { level: 1, name: 'Votre avis' })).toBeVisible();
    await expect(phone.getByText('« Atelier passé »', { exact: false })).toBeVisible();
    expect(await seriousViolations(phone)).toEqual([]);
    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('radio', { name: '4 — Satisfait·e' }).check();
    await phone.getByLabel('Un mot, une suggestion ? (facultatif)').fill('Très concret, merci.');
    await phone.getByRole('button', { name: 'Envoyer mon avis' }).click();
    await expect(phone.getByRole('status')).toHaveText('Merci pour votre avis !');
    // Opened again: answered already, no form.
    await phone.goto(link!);
    await expect(phone.getByRole('status')).toHaveText('Vous avez déjà répondu, merci !');
    await expect(phone.getByRole('button', { name: 'Envoyer mon avis' })).toHaveCount(0);
    expect(await seriousViolations(phone)).toEqual([]);

    // Without JavaScript: the same form, posted as a plain form.
    const noJsMail = await mailMatching(emails.noJs, /Atelier passé/);
    const noJsLink = /https?:\/\/\S+\/feedback\/[A-Za-z0-9_-]+/.exec(noJsMail.text)![0];
    const plain = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage();
    await plain.goto(noJsLink);
    await plain.getByRole('radio', { name: '2 — Peu satisfait·e' }).check();
    await plain.getByRole('button', { name: 'Envoyer mon avis' }).click();
    await expect(plain.getByRole('status')).toHaveText('Merci pour votre avis !');
    await plain.goto(noJsLink);
    await expect(plain.getByRole('status')).toHaveText('Vous avez déjà répondu, merci !');

    // A link that is no link: a clear page, no form.
    await plain.goto('/feedback/pas-un-vrai-lien-de-retour-000000');
    await expect(plain.getByRole('alert')).toHaveText('Ce lien de retour n’est pas (ou plus) valide.');

    // The personal page turns these mails off (a plain form too).
    const [aya] = await sql<{ joinToken: string }[]>`select join_token as "joinToken" from registrations where email = ${emails.withJs}`;
    await phone.goto(`/r/${aya!.joinToken}`);
    const toggle = phone.getByTestId('after-session-toggle');
    await expect(toggle.getByLabel('Recevoir les courriels après les sessions')).toBeChecked();
    await toggle.getByLabel('Recevoir les courriels après les sessions').uncheck();
    await toggle.getByRole('button', { name: 'Enregistrer ce choix' }).click();
    await expect(phone.getByTestId('after-session-toggle').getByRole('status')).toHaveText('Votre choix est enregistré.');
    await expect(phone.getByTestId('after-session-toggle').getByLabel('Recevoir les courriels après les sessions')).not.toBeChecked();
    const [choice] = await sql<{ on: boolean }[]>`select after_session_mails as on from registrations where email = ${emails.withJs}`;
    expect(choice!.on).toBe(false);

    const [answers] = await sql<{ n: number }[]>`select count(*)::int as n from session_feedback where session_id = ${sessionId} and answered_at is not null`;
    expect(answers!.n).toBe(2);
  });
});

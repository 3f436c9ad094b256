import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as unsubscribeRoute, GET as unsubscribePage } from '@/app/api/paths/[path]/unsubscribe/route';
import { openDatabase, setDatabase } from '@/db/client';
import { subscribeToPath } from '@/server/paths/subscribe-to-path';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { createResource } from '@/server/paths/create-resource';
import { proposeResource } from '@/server/paths/propose-resource';
import { type ResourceActor } from '@/lib/domain/resources';
import { transitionResource } from '@/server/paths/transition-resource';
import { paths, roleGrants, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { createResourceRequest, proposeResourceRequest } from '@/lib/domain/resources';
import { runMailWorkerOnce } from '@/server/mail/worker';
import { until } from './realtime-support';
import { mailInbox, spawnWorker } from './mail-support';
import { type Driver, freshPostgres } from './support';

type Received = { to: string; subject: string; text: string; headers: Record<string, string> };

const SANTE = 'vers-une-sante-ouverte';

// One SMTP receiver for the whole file: the app's mail transport is made once per process.
const inbox: Received[] = mailInbox((mail, to) => ({
  to,
  subject: mail.subject ?? '',
  text: mail.text ?? '',
  headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
}));
const WEEK = 7 * 86_400_000;

describe.each<Driver>(['postgres', 'pglite'])('path digest and proposal outcomes by e-mail (%s)', (driver) => {
  let pg: Awaited<ReturnType<typeof freshPostgres>> | null = null;
  let dir: string | null = null;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let coord: ResourceActor;
  const to = (email: string) => inbox.filter((m) => m.to === email);
  const digests = (email: string) => to(email).filter((m) => m.headers['list-unsubscribe']);
  const open = async () => {
    handle = await openDatabase(pg ? { databaseUrl: pg.url, dataDir: 'unused' } : { dataDir: dir! });
    setDatabase(Promise.resolve(handle));
  };
  const publish = (title: string, now: Date) =>
    createResource(coord, SANTE, createResourceRequest.parse({ title, summary: `À propos de ${title}`, format: 'document', publish: true }), now);

  beforeAll(async () => {
    if (driver === 'postgres') pg = await freshPostgres();
    else dir = mkdtempSync(path.join(tmpdir(), 'chemins-digest-'));
    await open();
    await seed(handle.db);
    const [u] = await handle.db.insert(users).values({ email: `coord@${driver}.test`, name: 'Coord' }).returning();
    const [p] = await handle.db.select().from(paths).where(eq(paths.slug, SANTE));
    await handle.db.insert(roleGrants).values({ userId: u!.id, role: 'coordinator', pathId: p!.id });
    coord = await actorFromUser(u!.id);
  });
  afterAll(async () => {
    await handle?.close();
    await pg?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('mails the proposer the outcome, with the coordinator’s reason when declined', async () => {
    const [zoe] = await handle.db.insert(users).values({ email: `zoe@${driver}.test`, name: 'Zoé' }).returning();
    const who = { kind: 'user' as const, userId: zoe!.id, name: 'Zoé', email: zoe!.email };
    const a = await proposeResource(who, SANTE, proposeResourceRequest.parse({ title: 'Proposition refusée', format: 'document' }));
    const b = await proposeResource(who, SANTE, proposeResourceRequest.parse({ title: 'Proposition acceptée', format: 'document' }));
    await transitionResource(coord, a.id, 'decline', 'Déjà publiée sur un autre chemin.');
    await transitionResource(coord, b.id, 'publish');
    expect(await runMailWorkerOnce()).toBe(2);
    const mails = to(`zoe@${driver}.test`);
    const declined = mails.find((m) => m.subject.includes('Proposition refusée'))!;
    expect(declined.text).toContain('Déjà publiée sur un autre chemin.');
    const published = mails.find((m) => m.subject.includes('Proposition acceptée'))!;
    expect(published.text).toContain(`http://127.0.0.1:3999/resources/${b.slug}`);
    expect(await runMailWorkerOnce()).toBe(0);
  });

  it('sends one digest per subscription and week, with one-click unsubscribe, also across a restart', async () => {
    const monday = new Date('2030-03-04T08:00:00Z');
    const { token } = await subscribeToPath(SANTE, { email: `lea@${driver}.test` }, monday);
    await subscribeToPath(SANTE, { email: `max@${driver}.test`, locale: 'en' }, monday);
    expect(await runMailWorkerOnce(new Date(monday.getTime() + 3600_000))).toBe(0); // nothing new yet
    await publish('Fiche lundi', new Date(monday.getTime() + 2 * 3600_000));
    const tuesday = new Date(monday.getTime() + 86_400_000);
    expect(await runMailWorkerOnce(tuesday)).toBe(2);
    const [lea] = digests(`lea@${driver}.test`);
    expect(lea!.subject).toBe('Vers une santé ouverte : 1 nouvelle ressource');
    expect(lea!.text).toContain('Fiche lundi');
    expect(lea!.headers['list-unsubscribe']).toBe(`<http://127.0.0.1:3999/api/paths/${SANTE}/unsubscribe?token=${token}>`);
    expect(lea!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(digests(`max@${driver}.test`)[0]!.subject).toBe('Vers une santé ouverte: 1 new resource');

    // Restart: a new pool (or a reopened embedded database), nothing in memory; same week.
    await handle.close();
    await open();
    await publish('Fiche mercredi', new Date(tuesday.getTime() + 86_400_000));
    expect(await runMailWorkerOnce(new Date(tuesday.getTime() + 2 * 86_400_000))).toBe(0);
    // Next week: the resources published since the last digest, once.
    const nextWeek = new Date(monday.getTime() + WEEK);
    expect(await runMailWorkerOnce(nextWeek)).toBe(2);
    expect(await runMailWorkerOnce(new Date(nextWeek.getTime() + 3600_000))).toBe(0);
    const second = digests(`lea@${driver}.test`)[1]!;
    expect(second.text).toContain('Fiche mercredi');
    expect(second.text).not.toContain('Fiche lundi');

    // One-click unsubscribe (what a mail client posts), then nothing more; the page first asks.
    const url = `http://127.0.0.1:3999/api/paths/${SANTE}/unsubscribe?token=${token}`;
    const page = await unsubscribePage(new Request(url));
    expect(await page.text()).toContain('<form method="post">');
    const res = await unsubscribeRoute(new Request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(res.status).toBe(200);
    expect((await unsubscribeRoute(new Request(`${url}x`, { method: 'POST' }))).status).toBe(404);
    await publish('Fiche après désabonnement', new Date(nextWeek.getTime() + 86_400_000));
    expect(await runMailWorkerOnce(new Date(nextWeek.getTime() + WEEK))).toBe(1); // max only
    expect(digests(`lea@${driver}.test`)).toHaveLength(2);
    expect(digests(`max@${driver}.test`)).toHaveLength(3);
  });

  it.runIf(driver === 'postgres')('sends a week’s digest once when the worker process is killed and another started', async () => {
    await subscribeToPath(SANTE, { email: `noe@${driver}.test` });
    await publish('Fiche du jour', new Date());
    const first = await spawnWorker(pg!.url);
    try {
      await until(() => digests(`noe@${driver}.test`).length === 1, 15_000, 'the digest from the first worker');
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    await publish('Fiche de l’après-midi', new Date());
    const [noe] = await handle.db.insert(users).values({ email: `noe@${driver}.test`, name: 'Noé' }).returning();
    const who = { kind: 'user' as const, userId: noe!.id, name: 'Noé', email: noe!.email };
    const p = await proposeResource(who, SANTE, proposeResourceRequest.parse({ title: 'Après le redémarrage', format: 'document' }));
    await transitionResource(coord, p.id, 'publish');
    const second = await spawnWorker(pg!.url);
    try {
      // The outcome mail proves the new process ran whole passes (digests are queued first).
      await until(() => to(`noe@${driver}.test`).some((m) => m.subject.includes('Après le redémarrage')), 15_000, 'a pass of the second worker');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    expect(digests(`noe@${driver}.test`)).toHaveLength(1);
  });
});

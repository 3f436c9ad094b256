import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAttachment, storeAttachment } from '@/db/queries/attachments';
import { identityFromJoinToken } from '@/db/queries/identity';
import { getPathBySlug } from '@/server/paths/get-path';
import { linkSessionToPath } from '@/server/paths/link-session-to-path';
import { listPaths } from '@/server/paths/list-paths';
import { pathsOfSession } from '@/server/paths/list-session-paths';
import { publicPath } from '@/server/paths/get-public-path';
import { publicPaths } from '@/server/paths/list-public-paths';
import { updatePath } from '@/server/paths/update-path';
import { register } from '@/db/queries/registrations';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { createResource } from '@/server/paths/create-resource';
import { getResourceBySlug } from '@/server/paths/get-resource';
import { listRevisions } from '@/server/paths/list-revisions';
import { meetingReportFromQa } from '@/server/paths/make-meeting-report';
import { proposeResource } from '@/server/paths/propose-resource';
import { reorderPathResources } from '@/server/paths/reorder-path-resources';
import { type ResourceActor } from '@/lib/domain/resources';
import { reviewQueue } from '@/server/paths/review-queue';
import { setResourcePaths } from '@/server/paths/set-resource-paths';
import { transitionResource } from '@/server/paths/transition-resource';
import { updateResource } from '@/server/paths/update-resource';
import { events, mailOutbox, paths, programmeSessions, resources, resourceRevisions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { createResourceRequest, proposeResourceRequest, updateResourceRequest } from '@/lib/domain/resources';
import { registrationRequest } from '@/lib/domain/registration';
import { seedAccount } from './factories';
import { type Driver, useFreshDatabase } from './support';

const SANTE = 'vers-une-sante-ouverte';
const CLIMAT = 'climat-et-biodiversite';
const resource = (over: Record<string, unknown> = {}) =>
  createResourceRequest.parse({ title: 'Ressource de test', summary: 'Résumé', body: 'Corps', format: 'initiative', licence: 'CC-BY-4.0', ...over });
const proposal = (over: Record<string, unknown> = {}) =>
  proposeResourceRequest.parse({ title: 'Une proposition', summary: 'À relire', body: 'Texte', format: 'document', ...over });

describe.each<Driver>(['postgres', 'pglite'])('paths and resources (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let coordSante: ResourceActor;
  let coordClimat: ResourceActor;
  let organizer: ResourceActor;
  let admin: ResourceActor;
  let participant: ResourceActor;
  let joinToken: string;

  async function user(email: string, grant?: { role: 'coordinator' | 'organizer' | 'admin'; pathSlug?: string; eventSlug?: string }) {
    const [p] = grant?.pathSlug ? await db.handle.db.select().from(paths).where(eq(paths.slug, grant.pathSlug)) : [undefined];
    const [e] = grant?.eventSlug ? await db.handle.db.select().from(events).where(eq(events.slug, grant.eventSlug)) : [undefined];
    const u = await seedAccount(db.handle.db, { email, name: email.split('@')[0], role: grant?.role, pathId: p?.id, eventId: e?.id });
    return actorFromUser(u.id);
  }

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    coordSante = await user('coord-sante@chemins.test', { role: 'coordinator', pathSlug: SANTE });
    coordClimat = await user('coord-climat@chemins.test', { role: 'coordinator', pathSlug: CLIMAT });
    organizer = await user('orga@chemins.test', { role: 'organizer', eventSlug: DEMO_EVENT_SLUG });
    admin = await user('admin@chemins.test', { role: 'admin' });
    participant = await user('participant@chemins.test');
    const reg = await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'Inscrite', email: 'inscrite@chemins.test', consent: true }));
    joinToken = reg.registration.joinToken;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists the seven active paths with coordinators (organizations shown as such) and counts', async () => {
    const list = await publicPaths();
    expect(list).toHaveLength(7);
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['coordinators', 'resourceCount', 'slug', 'summary', 'title']);
    const fab = (await listPaths()).find((p) => p.slug === 'fabcities-villes-resilientes')!;
    expect(fab.coordinators).toContainEqual({ name: 'Réseau des Fab Cities', organization: null, kind: 'organization', key: 'reseau-des-fab-cities' });
    // "Métropoles de Brest, Nantes, Rennes" is three organizations, none of them a person.
    expect(fab.coordinators.filter((c) => c.kind === 'organization').map((c) => c.key)).toEqual(['brest-metropole', 'nantes-metropole', 'rennes-metropole', 'reseau-des-fab-cities']);
    expect(list.every((p) => p.resourceCount >= 3)).toBe(true);
  });

  it('shows a path page: resources in order, filters, and its agenda with the 2020 conference and its outputs', async () => {
    const page = (await getPathBySlug(SANTE))!;
    expect(page.resources.map((r) => r.position)).toEqual([...page.resources.map((r) => r.position)].sort((a, b) => a - b));
    expect(page.resources.every((r) => r.status === 'published')).toBe(true);
    const past = page.agenda.past.find((s) => s.slug === 'conference-makers-contre-le-coronavirus')!;
    expect(past.event.slug).toBe('forum-usages-cooperatifs-2020');
    expect(past.outputs.map((o) => o.format).sort()).toEqual(['meeting_report', 'replay']);
    expect(page.agenda.upcoming.map((s) => s.slug)).toContain('atelier-documenter-ensemble');
    const filtered = (await getPathBySlug(SANTE, { format: 'interview', language: 'en' }))!;
    expect(filtered.resources.map((r) => r.slug)).toEqual(['open-health-interview']);
    const api = (await publicPath(SANTE, 'http://x'))!;
    expect(api.sessions.past[0]!.url).toBe('http://x/events/forum-usages-cooperatifs-2020/sessions/conference-makers-contre-le-coronavirus');
    expect(await publicPath('nope', 'http://x')).toBeNull();
  });

  it('lets a coordinator publish on their own path only; admins everywhere; an organizer of an event nowhere; a participant can only propose', async () => {
    const mine = await createResource(coordSante, SANTE, resource({ title: 'Fiche santé' }));
    expect(mine.status).toBe('draft');
    await expect(createResource(coordSante, CLIMAT, resource())).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(createResource(participant, SANTE, resource())).rejects.toMatchObject({ status: 403 });
    const theirs = await createResource(coordClimat, CLIMAT, resource({ title: 'Fiche climat' }));
    await expect(transitionResource(coordSante, theirs.id, 'publish')).rejects.toMatchObject({ status: 403 });
    await expect(transitionResource(participant, mine.id, 'publish')).rejects.toMatchObject({ status: 403 });
    expect((await transitionResource(coordSante, mine.id, 'publish')).status).toBe('published');
    // Organizing an event gives no right on paths (issue 27, finding 6).
    await expect(transitionResource(organizer, theirs.id, 'publish')).rejects.toMatchObject({ status: 403 });
    expect((await transitionResource(admin, theirs.id, 'publish')).status).toBe('published');
    // Not from every status: publishing twice is refused, nothing changes.
    await expect(transitionResource(coordSante, mine.id, 'publish')).rejects.toMatchObject({ status: 409, code: 'invalid_transition' });
    // Putting a resource on another path needs the rights on that path too.
    await expect(setResourcePaths(coordSante, mine.id, [SANTE, CLIMAT])).rejects.toMatchObject({ status: 403 });
    await expect(setResourcePaths(organizer, mine.id, [SANTE, CLIMAT])).rejects.toMatchObject({ status: 403 });
    await setResourcePaths(admin, mine.id, [SANTE, CLIMAT]);
    expect((await getResourceBySlug('fiche-sante'))!.paths.map((p) => p.slug).sort()).toEqual([CLIMAT, SANTE]);
    // Drafts are hidden from the public and from other coordinators.
    const draft = await createResource(coordSante, SANTE, resource({ title: 'Brouillon' }));
    expect(await getResourceBySlug(draft.slug)).toBeNull();
    expect(await getResourceBySlug(draft.slug, { userId: coordClimat.userId })).toBeNull();
    expect((await getResourceBySlug(draft.slug, { userId: coordSante.userId }))!.viewer.canEdit).toBe(true);
  });

  it('takes proposals from a signed-in participant and from a registrant’s personal link into the coordinators’ queue, and mails the outcome', async () => {
    const byUser = await proposeResource(
      { kind: 'user', userId: participant.userId, name: participant.name, email: 'participant@chemins.test' },
      SANTE,
      proposal({ title: 'Proposition de participant' }),
    );
    const registrant = (await identityFromJoinToken(joinToken))!;
    const byLink = await proposeResource(registrant, SANTE, proposal({ title: 'Proposition par lien personnel' }));
    const queue = await reviewQueue(coordSante.userId, SANTE);
    expect(queue.map((q) => q.id)).toEqual(expect.arrayContaining([byUser.id, byLink.id]));
    expect(queue.find((q) => q.id === byLink.id)!.proposerName).toBe('Inscrite');
    expect(await reviewQueue(coordClimat.userId, SANTE)).toEqual([]);
    expect(await reviewQueue(participant.userId)).toEqual([]);
    // The proposer sees their own proposal; others do not.
    expect(await getResourceBySlug(byLink.slug, { registrationId: registrant.kind === 'registration' ? registrant.registrationId : null })).not.toBeNull();
    expect(await getResourceBySlug(byLink.slug, { userId: participant.userId })).toBeNull();

    await expect(transitionResource(coordSante, byUser.id, 'decline')).rejects.toMatchObject({ status: 400, fields: { reason: 'required' } });
    await transitionResource(coordSante, byUser.id, 'decline', 'Hors du thème du chemin, merci !');
    await transitionResource(coordSante, byLink.id, 'publish');
    const mails = await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'resource_outcome'));
    const declined = mails.find((m) => m.resourceId === byUser.id)!;
    expect(declined.payload).toMatchObject({ to: 'participant@chemins.test', outcome: 'declined', reason: 'Hors du thème du chemin, merci !' });
    expect(mails.find((m) => m.resourceId === byLink.id)!.payload).toMatchObject({ to: 'inscrite@chemins.test', outcome: 'published' });
    // An archived path takes no proposal; an unknown one is a 404.
    await expect(proposeResource(registrant, 'nope', proposal())).rejects.toMatchObject({ status: 404 });
  });

  it('keeps every change as a revision with who, when, what changed and a diff; a stale edit is a 409', async () => {
    const r = await createResource(coordSante, SANTE, resource({ title: 'Compte rendu initial', body: 'Ligne un\nLigne deux\n' }));
    const v2 = await updateResource(coordSante, r.id, updateResourceRequest.parse({ version: 1, title: 'Compte rendu revu', body: 'Ligne un\nLigne trois\n' }));
    expect(v2.version).toBe(2);
    await expect(updateResource(admin, r.id, updateResourceRequest.parse({ version: 1, summary: 'Trop tard' }))).rejects.toMatchObject({ status: 409 });
    await expect(updateResource(organizer, r.id, updateResourceRequest.parse({ version: 2, summary: 'Pas à moi non plus' }))).rejects.toMatchObject({ status: 403 });
    await expect(updateResource(coordClimat, r.id, updateResourceRequest.parse({ version: 2, summary: 'Pas à moi' }))).rejects.toMatchObject({ status: 403 });
    await transitionResource(coordSante, r.id, 'submit');
    const history = await listRevisions(coordSante.userId, r.id);
    expect(history.map((h) => h.action)).toEqual(['submitted', 'updated', 'created']);
    const edit = history[1]!;
    expect(edit.actorName).toBe('coord-sante');
    expect(edit.changed.sort()).toEqual(['body', 'title']);
    const body = edit.diff.find((d) => d.field === 'body')!;
    expect(body.parts).toContainEqual({ value: 'Ligne deux\n', removed: true });
    expect(body.parts).toContainEqual({ value: 'Ligne trois\n', added: true });
    expect(history[0]!.changed).toEqual(['status']);
    await expect(listRevisions(coordClimat.userId, r.id)).rejects.toMatchObject({ status: 403 });
    const [{ n }] = (await db.handle.db.select({ n: sql<number>`count(*)::int` }).from(resourceRevisions).where(eq(resourceRevisions.resourceId, r.id))) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('lets a path be edited by its coordinators and admins only: not by an organizer of an event, nor by the coordinator of another path', async () => {
    await expect(updatePath(organizer.userId, SANTE, { summary: 'Par l’organisatrice' })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(updatePath(coordClimat.userId, SANTE, { summary: 'Par la coordinatrice du climat' })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(reorderPathResources(organizer, SANTE, [])).rejects.toMatchObject({ status: 403 });
    expect(await reviewQueue(organizer.userId)).toEqual([]);
    await updatePath(coordSante.userId, SANTE, { summary: 'Par sa coordinatrice' });
    expect((await getPathBySlug(SANTE))!.summary).toBe('Par sa coordinatrice');
    await updatePath(admin.userId, CLIMAT, { summary: 'Par un administrateur' });
    expect((await getPathBySlug(CLIMAT))!.summary).toBe('Par un administrateur');
  });

  it('orders a path’s resources as its coordinators choose', async () => {
    const page = (await getPathBySlug(CLIMAT))!;
    const ids = page.resources.map((r) => r.id).reverse();
    await reorderPathResources(coordClimat, CLIMAT, ids.slice(0, 2));
    const after = (await getPathBySlug(CLIMAT))!;
    expect(after.resources.slice(0, 2).map((r) => r.id)).toEqual(ids.slice(0, 2));
    await expect(reorderPathResources(coordSante, CLIMAT, ids)).rejects.toMatchObject({ status: 403 });
  });

  it('links sessions to paths (organizers of the event), and turns a session’s Q&A into a draft report on its paths', async () => {
    const [s] = await db.handle.db
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .innerJoin(events, eq(events.id, programmeSessions.eventId))
      .where(and(eq(events.slug, DEMO_EVENT_SLUG), eq(programmeSessions.slug, 'recit-de-territoire')));
    const build = async (x: { title: string }) => ({ title: `Compte rendu — ${x.title}`, markdown: '# Questions\n\n1. Une question' });
    await expect(meetingReportFromQa(organizer, s!.id, build)).rejects.toMatchObject({ status: 409, code: 'no_path' });
    await expect(linkSessionToPath(coordClimat.userId, CLIMAT, s!.id, true)).rejects.toMatchObject({ status: 403 });
    const otherOrganizer = await user('orga-2020@chemins.test', { role: 'organizer', eventSlug: 'forum-usages-cooperatifs-2020' });
    await expect(linkSessionToPath(otherOrganizer.userId, CLIMAT, s!.id, true)).rejects.toMatchObject({ status: 403 });
    expect(await linkSessionToPath(organizer.userId, CLIMAT, s!.id, true)).toBe(true);
    expect((await pathsOfSession(s!.id)).map((p) => p.slug)).toEqual([CLIMAT]);
    await expect(meetingReportFromQa(coordSante, s!.id, build)).rejects.toMatchObject({ status: 403 });
    const report = await meetingReportFromQa(coordClimat, s!.id, build);
    const view = (await getResourceBySlug(report.slug, { userId: coordClimat.userId }))!;
    expect(view).toMatchObject({ status: 'draft', format: 'meeting_report', body: '# Questions\n\n1. Une question' });
    expect(view.sessions.map((x) => x.id)).toEqual([s!.id]);
    expect(view.paths.map((p) => p.slug)).toEqual([CLIMAT]);
  });

  it('stores attachments with their variants, attaches them only for their uploader, and shows them only with their resource', async () => {
    const bytes = Buffer.from('%PDF-1.4 test');
    const a = await storeAttachment({
      filename: 'guide.pdf',
      contentType: 'application/pdf',
      data: bytes,
      sha256: 'x',
      uploadedBy: participant.userId,
      variants: [{ name: 'thumb', contentType: 'image/webp', width: 10, height: 10, data: Buffer.from('webp') }],
    });
    // Another person cannot attach it; its uploader can, with a proposal.
    await expect(createResource(coordSante, SANTE, resource({ attachmentIds: [a.id] }))).rejects.toMatchObject({ status: 400 });
    const p = await proposeResource(
      { kind: 'user', userId: participant.userId, name: participant.name, email: 'participant@chemins.test' },
      SANTE,
      proposal({ title: 'Avec pièce jointe', attachmentIds: [a.id] }),
    );
    expect(await readAttachment(a.id)).toBeNull();
    expect((await readAttachment(a.id, { viewer: { userId: coordSante.userId } }))!.data.equals(bytes)).toBe(true);
    await transitionResource(coordSante, p.id, 'publish');
    expect((await readAttachment(a.id))!.contentType).toBe('application/pdf');
    expect((await readAttachment(a.id, { variant: 'thumb' }))!.data.toString()).toBe('webp');
    expect((await getResourceBySlug(p.slug))!.attachments).toEqual([expect.objectContaining({ id: a.id, variants: ['thumb'] })]);
  });

  it('never loses a stored resource on a refused write', async () => {
    const before = await db.handle.db.select({ n: sql<number>`count(*)::int` }).from(resources);
    await expect(createResource(coordSante, SANTE, resource({ sessionIds: ['00000000-0000-4000-8000-000000000000'] }))).rejects.toMatchObject({ status: 400 });
    const after = await db.handle.db.select({ n: sql<number>`count(*)::int` }).from(resources);
    expect(after).toEqual(before);
  });
});

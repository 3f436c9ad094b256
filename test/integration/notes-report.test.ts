import { randomUUID } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendNoteUpdate } from '@/db/queries/notes/notes';
import { paths } from '@/db/schema';
import { seed } from '@/db/seed';
import { NOTES_FRAGMENT, notesDocumentName } from '@/lib/domain/notes';
import { notesExtensions } from '@/lib/domain/notes-content';
import { type ResourceActor } from '@/lib/domain/resources';
import { withNotes } from '@/server/exports/qa';
import { actorFromUser } from '@/server/paths/actor-from-user';
import { getResourceBySlug } from '@/server/paths/get-resource';
import { linkSessionToPath } from '@/server/paths/link-session-to-path';
import { meetingReportFromQa } from '@/server/paths/make-meeting-report';
import { demoLive, seedAccount, seedSession } from './factories';
import { type Driver, useFreshDatabase } from './support';

// Notes → the path (issue 31): the draft meeting report takes the session's shared notes as its
// first section, its breakout groups' notes as sections of their own, then the Q&A as before;
// the notes' writers are its authors, an erased one as « ancien·ne participant·e ».
const QA = '# Questions — Atelier\n\n1. Une question\n';

/** Writes `content` into a notes document as `author` would (a Yjs update in the history). */
async function write(doc: Y.Doc, documentName: string, sessionId: string, author: { key: string; name: string }, content: object) {
  const before = Y.encodeStateVector(doc);
  const next = prosemirrorJSONToYDoc(getSchema(notesExtensions()), { type: 'doc', content: [content] }, NOTES_FRAGMENT);
  // Appended after what is there: a paragraph, a list… of this author's.
  const fragment = doc.getXmlFragment(NOTES_FRAGMENT);
  const added = next.getXmlFragment(NOTES_FRAGMENT).toArray().map((n) => n.clone());
  fragment.insert(fragment.length, added as Y.XmlElement[]);
  await appendNoteUpdate({ documentName, sessionId, actorKey: author.key, authorName: author.name, update: Y.encodeStateAsUpdate(doc, before) });
}

const text = (t: string) => ({ type: 'text', text: t });

describe.each<Driver>(['postgres', 'pglite'])('meeting report from the notes (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let organizer: ResourceActor;
  /** Reads the drafts (a coordinator of the path). */
  let coordinator: ResourceActor;
  let sessionId: string;
  let eventId: string;

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    ({ eventId, liveId: sessionId } = await demoLive());
    const u = await seedAccount(db.handle.db, { email: 'orga-notes@chemins.test', name: 'Orga', role: 'organizer', eventId });
    organizer = await actorFromUser(u.id);
    const [path] = await db.handle.db.select().from(paths).where(eq(paths.slug, 'vers-une-sante-ouverte'));
    const c = await seedAccount(db.handle.db, { email: 'coord-notes@chemins.test', name: 'Coord', role: 'coordinator', pathId: path!.id });
    coordinator = await actorFromUser(c.id);
    expect(await linkSessionToPath(organizer.userId, 'vers-une-sante-ouverte', sessionId, true)).toBe(true);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('puts the notes first and the groups’ notes as sections, keeps the Q&A, credits the writers', async () => {
    const doc = new Y.Doc();
    const main = notesDocumentName(sessionId);
    await write(doc, main, sessionId, { key: 'registration:a', name: 'Awa' }, { type: 'heading', attrs: { level: 2 }, content: [text('Décisions')] });
    await write(doc, main, sessionId, { key: 'registration:erased', name: '' }, {
      type: 'taskList',
      content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [text('Ouvrir le tiers-lieu')] }] }],
    });
    // Awa again: credited once.
    await write(doc, main, sessionId, { key: 'registration:a', name: 'Awa' }, { type: 'paragraph', content: [text('Suite en janvier')] });
    const groupId = randomUUID();
    await write(new Y.Doc(), notesDocumentName(sessionId, groupId), sessionId, { key: 'registration:b', name: 'Bruno' }, { type: 'paragraph', content: [text('Piste du groupe')] });

    const report = await meetingReportFromQa(organizer, sessionId, async (s) => ({
      title: `Compte rendu — ${s.title}`,
      ...(await withNotes(sessionId, QA, 'fr', [{ id: groupId, name: 'Santé' }])),
    }));
    const view = (await getResourceBySlug(report.slug, { userId: coordinator.userId }))!;
    expect(view).toMatchObject({ status: 'draft', format: 'meeting_report' });
    expect(view.body).toMatch(/^## Notes partagées\n\n### Décisions\n/);
    expect(view.body).toContain('- [x] Ouvrir le tiers-lieu');
    expect(view.body).toContain('Suite en janvier');
    expect(view.body.indexOf('## Notes du groupe « Santé »\n\nPiste du groupe')).toBeGreaterThan(view.body.indexOf('Suite en janvier'));
    expect(view.body.endsWith(QA)).toBe(true);
    expect(view.authors).toEqual([
      { name: 'Awa', kind: 'person' },
      { name: 'ancien·ne participant·e', kind: 'person' },
      { name: 'Bruno', kind: 'person' },
    ]);
  });

  it('is the Q&A alone, with no authors, for a session whose notes nobody wrote', async () => {
    const quiet = await seedSession(db.handle.db, { eventId, slug: 'sans-notes', title: 'Sans notes' });
    expect(await linkSessionToPath(organizer.userId, 'vers-une-sante-ouverte', quiet, true)).toBe(true);
    const report = await meetingReportFromQa(organizer, quiet, async (s) => ({ title: `Compte rendu — ${s.title}`, ...(await withNotes(quiet, QA, 'en')) }));
    const view = (await getResourceBySlug(report.slug, { userId: coordinator.userId }))!;
    expect(view.body).toBe(QA);
    expect(view.authors).toEqual([]);
  });
});

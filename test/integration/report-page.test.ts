import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionEngagement } from '@/db/queries/report/engagement';
import { previousEdition } from '@/db/queries/report/previous-edition';
import { chatMessages, events, pollAnswers, polls, programmeSessions, questionVotes, questions } from '@/db/schema';
import { type Driver, useFreshDatabase } from './support';

/**
 * The report pages' own queries (issue 30): a session's engagement timeline (questions, votes,
 * messages and poll answers per 5 minutes, with the slices before and after its span where there
 * was activity) and the previous edition of an event's series.
 */
describe.each<Driver>(['postgres', 'pglite'])('report pages’ queries (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  const start = new Date('2026-11-20T14:00:00Z');
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  let session: { id: string; startsAt: Date; endsAt: Date };

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    const d = db.handle.db;
    const [event] = await d.insert(events).values({ slug: 'engagement', title: 'Engagement', startsAt: start, endsAt: at(60) }).returning();
    const [s] = await d
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 's', title: 'S', kind: 'plenary', mode: 'online', startsAt: start, endsAt: at(30) })
      .returning();
    session = { id: s!.id, startsAt: s!.startsAt, endsAt: s!.endsAt };
    const q = async (body: string, min: number, votes: number, extra: Partial<typeof questions.$inferInsert> = {}) => {
      const [row] = await d
        .insert(questions)
        .values({ sessionId: s!.id, authorKey: `user:${body}`, authorName: body, body, status: 'visible', votes, createdAt: at(min), ...extra })
        .returning();
      for (let i = 0; i < votes; i++) await d.insert(questionVotes).values({ questionId: row!.id, voterKey: `v${i}`, createdAt: at(min + 1) });
    };
    await q('a', 2, 6);
    await q('b', 3, 4, { status: 'answered' });
    await q('c', 4, 2, { status: 'pending' });
    for (const i of [0, 1, 2]) await q(`d${i}`, 12, 1);
    await d.insert(chatMessages).values([
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'avant', createdAt: at(-3) },
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'bonjour', createdAt: at(1) },
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'effacé', createdAt: at(1), deletedAt: at(2) },
    ]);
    const [poll] = await d
      .insert(polls)
      .values({ sessionId: s!.id, kind: 'single', question: 'Votre avis ?', options: ['Oui', 'Non'], status: 'closed', createdBy: 'user:m', launchedAt: at(20), closedAt: at(25) })
      .returning();
    await d.insert(pollAnswers).values([
      { pollId: poll!.id, actorKey: 'x', name: 'X', value: [0], createdAt: at(21) },
      { pollId: poll!.id, actorKey: 'y', name: 'Y', value: [0], createdAt: at(21) },
      { pollId: poll!.id, actorKey: 'z', name: 'Z', value: [1], createdAt: at(33) },
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts the activity per 5 minutes, the slices before and after the span included', async () => {
    const engagement = await sessionEngagement(session);
    const slice = (min: number) => engagement.find((b) => b.from === at(min).toISOString());
    expect(engagement.map((b) => b.from)).toEqual([-5, 0, 5, 10, 15, 20, 25, 30].map((m) => at(m).toISOString()));
    expect(slice(-5)).toEqual({ from: at(-5).toISOString(), questions: 0, votes: 0, messages: 1, pollAnswers: 0 });
    expect(slice(0)).toEqual({ from: at(0).toISOString(), questions: 3, votes: 10, messages: 1, pollAnswers: 0 });
    expect(slice(5)).toMatchObject({ questions: 0, votes: 2 });
    expect(slice(10)).toMatchObject({ questions: 3, votes: 3 });
    expect(slice(15)).toEqual({ from: at(15).toISOString(), questions: 0, votes: 0, messages: 0, pollAnswers: 0 });
    expect(slice(20)).toMatchObject({ pollAnswers: 2 });
    expect(slice(30)).toMatchObject({ pollAnswers: 1 });
  });

  it('takes 10-minute slices when asked', async () => {
    const engagement = await sessionEngagement(session, 10);
    expect(engagement.map((b) => b.questions + b.votes + b.messages + b.pollAnswers)).toEqual([1, 16, 6, 2, 1]);
  });

  it('finds the previous edition of a series: same slug but the year, the latest that started before', async () => {
    const d = db.handle.db;
    const edition = (slug: string, year: number) => ({ slug, title: slug, startsAt: new Date(`${year}-11-20T09:00:00Z`), endsAt: new Date(`${year}-11-21T18:00:00Z`) });
    await d.insert(events).values([edition('serie-2016', 2016), edition('serie-2018', 2018), edition('serie-2020', 2020), edition('serie-bis-2019', 2019), edition('serie-2022', 2022), edition('serie', 2019)]);
    expect((await previousEdition(edition('serie-2020', 2020)))?.slug).toBe('serie-2018');
    expect((await previousEdition(edition('serie-2022', 2022)))?.slug).toBe('serie-2020');
    expect(await previousEdition(edition('serie-2016', 2016))).toBeNull();
    expect(await previousEdition(edition('serie', 2019))).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionMoments } from '@/db/queries/report/session-moments';
import { chatMessages, events, moderationLog, pollAnswers, polls, programmeSessions, questionVotes, questions } from '@/db/schema';
import { type Driver, useFreshDatabase } from './support';

/**
 * The session report's moments (issue 30): the engagement timeline per 5 minutes, questions put on
 * air and polls launched as marks on the curve, the top questions (public text only) and the
 * polls' results; counts only, nobody named.
 */
describe.each<Driver>(['postgres', 'pglite'])('session report moments (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  const start = new Date('2026-11-20T14:00:00Z');
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  let session: { id: string; startsAt: Date; endsAt: Date };

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    const d = db.handle.db;
    const [event] = await d.insert(events).values({ slug: 'moments', title: 'Moments', startsAt: start, endsAt: at(60) }).returning();
    const [s] = await d
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 's', title: 'S', kind: 'plenary', mode: 'online', startsAt: start, endsAt: at(30) })
      .returning();
    session = { id: s!.id, startsAt: s!.startsAt, endsAt: s!.endsAt };
    const q = async (body: string, min: number, votes: number, extra: Partial<typeof questions.$inferInsert> = {}) => {
      const [row] = await d
        .insert(questions)
        .values({ sessionId: s!.id, authorKey: `user:${body}`, authorName: `Auteur ${body}`, body, status: 'visible', votes, createdAt: at(min), ...extra })
        .returning();
      for (let i = 0; i < votes; i++) await d.insert(questionVotes).values({ questionId: row!.id, voterKey: `v${i}`, createdAt: at(min + 1) });
      return row!.id;
    };
    const onAir = await q('La plus votée ?', 2, 6);
    await q('Deuxième', 3, 4, { status: 'answered' });
    await q('Cachée', 4, 9, { status: 'pending' });
    await q('Écartée', 4, 8, { status: 'dismissed' });
    await q('Retirée', 4, 7, { withdrawnAt: at(5) });
    for (const [i, v] of [1, 1, 0, 0].entries()) await q(`Q${i}`, 12, v);
    await d.insert(moderationLog).values({ sessionId: s!.id, actorKey: 'user:m', action: 'question:on-air', details: { questionId: onAir }, createdAt: at(8) });
    await d.insert(chatMessages).values([
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'avant', createdAt: at(-3) },
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'bonjour', createdAt: at(1) },
      { sessionId: s!.id, authorKey: 'a', authorName: 'A', body: 'effacé', createdAt: at(1), deletedAt: at(2) },
    ]);
    const [poll] = await d
      .insert(polls)
      .values({ sessionId: s!.id, kind: 'single', question: 'Votre avis ?', options: ['Oui', 'Non'], status: 'closed', createdBy: 'user:m', launchedAt: at(20), closedAt: at(25) })
      .returning();
    await d.insert(polls).values({ sessionId: s!.id, kind: 'single', question: 'Brouillon', options: ['a'], createdBy: 'user:m' });
    await d.insert(pollAnswers).values([
      { pollId: poll!.id, actorKey: 'x', name: 'X', value: [0], createdAt: at(21) },
      { pollId: poll!.id, actorKey: 'y', name: 'Y', value: [0], createdAt: at(21) },
      { pollId: poll!.id, actorKey: 'z', name: 'Z', value: [1], createdAt: at(33) },
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts the activity per 5 minutes, before and after the span included', async () => {
    const { engagement } = await sessionMoments(session);
    const slice = (iso: string) => engagement.find((b) => b.from === iso);
    expect(engagement.map((b) => b.from)).toEqual([-5, 0, 5, 10, 15, 20, 25, 30].map((m) => at(m).toISOString()));
    expect(slice(at(-5).toISOString())).toMatchObject({ messages: 1, questions: 0 });
    expect(slice(at(0).toISOString())).toEqual({ from: at(0).toISOString(), questions: 5, votes: 10, messages: 1, pollAnswers: 0 });
    expect(slice(at(5).toISOString())).toMatchObject({ questions: 0, votes: 24 });
    expect(slice(at(10).toISOString())).toMatchObject({ questions: 4, votes: 2 });
    expect(slice(at(20).toISOString())).toMatchObject({ pollAnswers: 2 });
    expect(slice(at(30).toISOString())).toMatchObject({ pollAnswers: 1 });
  });

  it('marks the question put on air and the poll launched, in time order', async () => {
    const { moments } = await sessionMoments(session);
    expect(moments).toEqual([
      { at: at(8).toISOString(), kind: 'question', label: 'La plus votée ?' },
      { at: at(20).toISOString(), kind: 'poll', label: 'Votre avis ?' },
    ]);
  });

  it('lists the top five public questions by votes, without their authors, and the launched polls’ results', async () => {
    const { topQuestions, polls: results } = await sessionMoments(session);
    expect(topQuestions.map((q) => [q.body, q.votes, q.answered])).toEqual([
      ['La plus votée ?', 6, false],
      ['Deuxième', 4, true],
      ['Q0', 1, false],
      ['Q1', 1, false],
      ['Q2', 0, false],
    ]);
    expect(JSON.stringify(topQuestions)).not.toContain('Auteur');
    expect(results).toEqual([{ id: expect.any(String), question: 'Votre avis ?', kind: 'single', options: ['Oui', 'Non'], total: 3, counts: [2, 1] }]);
  });
});

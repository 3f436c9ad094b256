import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pollAnswers, polls, programmeSessions, questions, registrations, registrationSessions, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG } from '@/db/seed/data/demo';
import { qaExportFile } from '@/server/exports/qa';
import { registrationsCsvFile } from '@/server/exports/registrations';
import { useFreshDatabase } from './support';

/** A CSV's lines without the BOM. */
const linesOf = async (res: Response) => (await res.text()).replace(/^\uFEFF/, '').trim().split('\n');

// The CSV and Markdown exports in the requester's language (French first, English complete): headers,
// values (statuses, yes/no, poll kinds, seat statuses), file names, dates in the event's time zone,
// and an erased person (empty name) shown as a former participant. The routes find the language
// with `localeOf` (server/catalogue.ts: cookie, else Accept-Language, else French).
describe('exports in the reader’s language', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let organizerId: string;
  let strangerId: string;
  let sessionId: string;

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    const d = db.handle.db;
    await seed(d);
    const [org] = await d.select().from(users).where(eq(users.email, 'organisatrice@chemins.test'));
    organizerId = org!.id;
    strangerId = (await d.insert(users).values({ email: 'curieuse@exports.test', name: 'Curieuse' }).returning())[0]!.id;
    const [event] = await d.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const [session] = await d.select().from(programmeSessions).where(and(eq(programmeSessions.eventId, event!.id), eq(programmeSessions.slug, DEMO_LIVE_SESSION_SLUG)));
    sessionId = session!.id;
    await d.insert(questions).values([
      { sessionId, authorKey: 'user:awa', authorName: 'Awa Export', body: 'Qui finance les communs ?', status: 'visible', createdAt: new Date('2026-11-23T09:10:00Z') },
      { sessionId, authorKey: 'user:bob', authorName: 'Bob Export', anonymous: true, body: 'Et après ?', status: 'answered', createdAt: new Date('2026-11-23T09:20:00Z') },
    ]);
    const [poll] = await d
      .insert(polls)
      .values({ sessionId, kind: 'single', question: 'Café ou thé ?', options: ['Café', 'Thé'], anonymous: false, status: 'closed', launchedAt: new Date(), createdBy: 'user:moderator' })
      .returning();
    // The first answer's author erased their account: the name is empty (docs/privacy.md).
    await d.insert(pollAnswers).values([
      { pollId: poll!.id, actorKey: 'erased:x', name: '', value: [0] },
      { pollId: poll!.id, actorKey: 'user:chloe', name: 'Chloé Export', value: [1] },
    ]);
    const [erased] = await d.insert(registrations).values({ eventId: event!.id, name: '', email: 'erased-abc@invalid', answers: {} }).returning();
    await d.insert(registrationSessions).values({ registrationId: erased!.id, sessionId, status: 'waitlisted' });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes the Q&A CSV in French: headers, statuses, yes/no, poll kinds, local dates, a former participant', async () => {
    const res = await qaExportFile(organizerId, sessionId, 'csv', 'fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${DEMO_EVENT_SLUG}-${DEMO_LIVE_SESSION_SLUG}-questions.csv"`);
    const lines = await linesOf(res);
    expect(lines[0]).toBe('Identifiant,Posée le (Europe/Paris),Auteur·rice,Anonyme,Question,Votes,État');
    expect(lines.find((l) => l.includes('Qui finance'))).toMatch(/^[0-9a-f-]{36},2026-11-23 10:10,Awa Export,non,Qui finance les communs \?,0,publiée$/);
    expect(lines.find((l) => l.includes('Et après'))).toMatch(/,,oui,Et après \?,0,répondue$/);
    expect(lines.join('\n')).not.toContain('Bob Export');
    expect(lines).toContain('Identifiant du sondage,Sondage,Type,Réponse,Nombre,Réponses au total');
    expect(lines.some((l) => l.endsWith(',Café ou thé ?,Choix unique,Thé,1,2'))).toBe(true);
    expect(lines.some((l) => /,Café ou thé \?,ancien·ne participant·e,Café,\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(l))).toBe(true);
  });

  it('writes the Q&A CSV in English', async () => {
    const res = await qaExportFile(organizerId, sessionId, 'csv', 'en');
    expect(res.headers.get('content-language')).toBe('en');
    const lines = await linesOf(res);
    expect(lines[0]).toBe('ID,Asked at (Europe/Paris),Author,Anonymous,Question,Votes,Status');
    expect(lines.find((l) => l.includes('Qui finance'))).toMatch(/,2026-11-23 10:10,Awa Export,no,Qui finance les communs \?,0,published$/);
    expect(lines.find((l) => l.includes('Et après'))).toMatch(/,,yes,Et après \?,0,answered$/);
    expect(lines).toContain('Poll ID,Poll,Kind,Answer,Count,Total answers');
    expect(lines.some((l) => l.endsWith(',Café ou thé ?,Single choice,Thé,1,2'))).toBe(true);
    expect(lines.some((l) => l.includes(',Café ou thé ?,former participant,Café,'))).toBe(true);
    expect(lines.some((l) => l.includes(',Café ou thé ?,Chloé Export,Thé,'))).toBe(true);
  });

  it('writes the Markdown export’s named answers with a former participant, in both languages', async () => {
    const fr = await (await qaExportFile(organizerId, sessionId, 'md', 'fr')).text();
    expect(fr).toContain('**Réponses nominatives**\n\n- ancien·ne participant·e — Café\n');
    const en = await (await qaExportFile(organizerId, sessionId, 'md', 'en')).text();
    expect(en).toContain('**Named answers**\n\n- former participant — Café\n');
    expect(en).toContain('# Questions and answers');
  });

  it('writes the attendee CSV in French and in English: file name, headers, seat statuses, a former participant', async () => {
    const fr = await registrationsCsvFile(organizerId, DEMO_EVENT_SLUG, 'fr');
    expect(fr.headers.get('content-disposition')).toBe(`attachment; filename="${DEMO_EVENT_SLUG}-inscriptions.csv"`);
    const frLines = await linesOf(fr);
    expect(frLines[0]!.startsWith('Nom,E-mail,Inscrit·e le (Europe/Paris),Arrivé·e le (Europe/Paris),Sessions')).toBe(true);
    // An erased registrant: a former participant, with no address (the placeholder is nobody's).
    expect(frLines.join('\n')).not.toContain('erased-abc@invalid');
    expect(frLines.find((l) => l.startsWith('ancien·ne participant·e,'))).toMatch(/^ancien·ne participant·e,,\d{4}-\d{2}-\d{2} \d{2}:\d{2},,[^,]+ \(en attente\)/);
    const en = await registrationsCsvFile(organizerId, DEMO_EVENT_SLUG, 'en');
    expect(en.headers.get('content-disposition')).toBe(`attachment; filename="${DEMO_EVENT_SLUG}-registrations.csv"`);
    expect(en.headers.get('content-language')).toBe('en');
    const enLines = await linesOf(en);
    expect(enLines[0]!.startsWith('Name,Email,Registered at (Europe/Paris),Checked in at (Europe/Paris),Sessions')).toBe(true);
    expect(enLines.find((l) => l.startsWith('former participant,'))).toMatch(/^former participant,,.*\(waiting list\)/);
    expect(enLines.length).toBe(frLines.length);
  });

  it('refuses both exports to somebody who does not organize or moderate the event', async () => {
    await expect(registrationsCsvFile(strangerId, DEMO_EVENT_SLUG, 'en')).rejects.toMatchObject({ status: 403 });
    await expect(qaExportFile(strangerId, sessionId, 'csv', 'en')).rejects.toMatchObject({ status: 403 });
  });
});

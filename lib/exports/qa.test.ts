import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import { type PollExport, qaCsv, type QaCsvLabels, qaMarkdown } from './qa';

const data = {
  session: { id: 's', slug: 'ouverture', title: 'Ouverture', startsAt: new Date('2026-11-23T09:00:00Z'), endsAt: new Date('2026-11-23T10:00:00Z') },
  event: { slug: 'forum', title: 'Forum des usages coopératifs', timeZone: 'Europe/Paris' },
  questions: [
    { id: 'q1', sessionId: 's', body: 'Qui *finance* les communs ?', authorKey: 'k1', authorName: 'Alice', anonymous: false, status: 'answered' as const, onAir: false, votes: 3, createdAt: new Date('2026-11-23T09:10:00Z') },
    { id: 'q2', sessionId: 's', body: 'Et après, "la suite" ?', authorKey: 'k2', authorName: 'Bob', anonymous: true, status: 'visible' as const, onAir: false, votes: 1, createdAt: new Date('2026-11-23T09:20:00Z') },
  ],
};
/** The CSV's labels from the real catalogues, as server/exports/qa.ts builds them. */
function csvLabels(locale: 'fr' | 'en', zone = 'Europe/Paris'): QaCsvLabels {
  const messages = locale === 'fr' ? fr : en;
  const t = createTranslator({ locale, messages });
  return {
    column: (c) => t(`csv.columns.${c}`, { zone }),
    yes: t('csv.yes'),
    no: t('csv.no'),
    status: (s) => t(`live.status.${s}`),
    kind: (k) => t(`polls.kinds.${k}`),
    former: t('privacy.formerParticipant'),
  };
}
const machine: QaCsvLabels = { column: (c) => c, yes: 'yes', no: 'no', status: (s) => s, kind: (k) => k, former: '(former)' };
const labels = { heading: 'Questions et réponses', anonymous: 'Anonyme', answered: 'répondue', open: 'ouverte', votes: (n: number) => `${n} votes`, none: 'Aucune', exportedAt: 'Exporté le', dateTime: (d: Date, tz: string) => formatDateTime(d, 'fr', tz) };

describe('Q&A exports', () => {
  it('writes Markdown with front matter, escaped text and anonymous authors kept anonymous', () => {
    const md = qaMarkdown(data, labels, new Date('2026-11-23T12:00:00Z'));
    expect(md.startsWith('---\ntitle: "Questions et réponses — Ouverture"\ntype: meeting-report\n')).toBe(true);
    expect(md).toContain('1. Qui \\*finance\\* les communs ?\n   — Alice · 3 votes · répondue');
    expect(md).toContain('   — Anonyme · 1 votes · ouverte');
    expect(md).not.toContain('Bob');
    expect(md).toContain('23 novembre 2026 à 10:00');
  });

  it('writes CSV with a header, quoting and no anonymous names', () => {
    const csv = qaCsv(data, machine);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,askedAt,author,anonymous,question,votes,status');
    // The event's wall-clock time (Paris, UTC+1 in November), as spreadsheets read dates.
    expect(lines[2]).toBe('q2,2026-11-23 10:20,,yes,"Et après, ""la suite"" ?",1,visible');
    expect(csv).not.toContain('Bob');
  });

  it('writes the CSV’s headers and values in the reader’s language, from the catalogues', () => {
    const [frHead, , frRow] = qaCsv(data, csvLabels('fr')).replace(/^\uFEFF/, '').trim().split('\n');
    expect(frHead).toBe('Identifiant,Posée le (Europe/Paris),Auteur·rice,Anonyme,Question,Votes,État');
    expect(frRow).toBe('q2,2026-11-23 10:20,,oui,"Et après, ""la suite"" ?",1,publiée');
    const [enHead, enFirst] = qaCsv(data, csvLabels('en')).replace(/^\uFEFF/, '').trim().split('\n');
    expect(enHead).toBe('ID,Asked at (Europe/Paris),Author,Anonymous,Question,Votes,Status');
    expect(enFirst).toBe('q1,2026-11-23 10:10,Alice,no,Qui *finance* les communs ?,3,answered');
  });

  it('neutralises questions and names a spreadsheet would read as formulas', () => {
    const hostile = { ...data, questions: [{ ...data.questions[0]!, authorName: '@SUM(A1)', body: '=HYPERLINK("http://evil.example","x")' }] };
    const row = qaCsv(hostile, csvLabels('en')).replace(/^\uFEFF/, '').trim().split('\n')[1]!;
    expect(row).toBe(`q1,2026-11-23 10:10,'@SUM(A1),no,"'=HYPERLINK(""http://evil.example"",""x"")",3,answered`);
  });

  it('adds the polls results to both, formulas neutralised and markup escaped', () => {
    const poll = (over: Partial<PollExport>): PollExport => ({
      id: 'p1',
      sessionId: 's',
      kind: 'single',
      question: 'Café ou thé ?',
      options: ['Café', '=SUM(A1:A9)'],
      anonymous: true,
      allowChange: true,
      status: 'closed',
      resultsVisible: true,
      createdAt: '2026-11-23T09:00:00Z',
      launchedAt: '2026-11-23T09:05:00Z',
      closedAt: '2026-11-23T09:10:00Z',
      results: { pollId: 'p1', sessionId: 's', total: 5, counts: [3, 2], version: 5 },
      ...over,
    });
    const polls = [
      poll({}),
      poll({ id: 'p2', kind: 'words', question: 'Un mot ?', options: [], results: { pollId: 'p2', sessionId: 's', total: 3, counts: { ecoute: 2, '<b>x</b>': 1 }, version: 3 } }),
      poll({ id: 'p3', kind: 'rating', question: 'Note ?', options: [], results: { pollId: 'p3', sessionId: 's', total: 1, counts: [0, 0, 0, 0, 1], version: 1 } }),
    ];
    const pollLabels = { heading: 'Sondages', kind: (k: string) => k, answers: (n: number) => `${n} réponses`, ratingValue: (v: number) => `${v} sur 5`, named: 'Réponses nominatives', former: 'ancien·ne participant·e' };
    const md = qaMarkdown({ ...data, polls }, labels, new Date('2026-11-23T12:00:00Z'), pollLabels);
    expect(md).toContain('## Sondages\n\n### 1. Café ou thé ?\n\nsingle · 5 réponses\n\n- Café — 3\n- =SUM(A1:A9) — 2\n');
    expect(md).toContain('- ecoute — 2\n- \\<b\\>x\\</b\\> — 1');
    expect(md).toContain('- 5 sur 5 — 1');
    const csv = qaCsv({ ...data, polls, questions: [{ ...data.questions[0]!, body: '=HYPERLINK("x")' }] }, machine);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('pollId,poll,kind,answer,count,total');
    expect(lines).toContain("p1,Café ou thé ?,single,'=SUM(A1:A9),2,5");
    expect(lines).toContain('p2,Un mot ?,words,ecoute,2,3');
    expect(lines).toContain('p3,Note ?,rating,5,1,1');
    // All anonymous: no names anywhere.
    expect(md).not.toContain('Réponses nominatives');
    expect(lines).not.toContain('pollId,poll,name,answer,answeredAt');
    // In French: the kinds from the catalogue.
    expect(qaCsv({ ...data, polls }, csvLabels('fr'))).toContain('p2,Un mot ?,Nuage de mots,ecoute,2,3');
  });

  it('names who answered what for polls that are not anonymous only', () => {
    const base = { sessionId: 's', allowChange: true, status: 'closed' as const, resultsVisible: false, createdAt: '2026-11-23T09:00:00Z', launchedAt: null, closedAt: null };
    const at = '2026-11-23T09:06:00.000Z';
    const polls: PollExport[] = [
      {
        ...base,
        id: 'p1',
        kind: 'multiple',
        question: 'Formats ?',
        options: ['Atelier', '=Plénière'],
        anonymous: false,
        results: { pollId: 'p1', sessionId: 's', total: 2, counts: [2, 1], version: 2 },
        answers: [
          { name: 'Alice *A*', answer: [0, 1], answeredAt: at },
          { name: '=Bob', answer: [0], answeredAt: at },
        ],
      },
      { ...base, id: 'p2', kind: 'rating', question: 'Note ?', options: [], anonymous: false, results: { pollId: 'p2', sessionId: 's', total: 1, counts: [0, 0, 0, 1, 0], version: 1 }, answers: [{ name: 'Chloé', answer: 4, answeredAt: at }] },
      { ...base, id: 'p3', kind: 'text', question: 'Idée ?', options: [], anonymous: true, results: { pollId: 'p3', sessionId: 's', total: 1, counts: { secret: 1 }, version: 1 } },
    ];
    const pollLabels = { heading: 'Sondages', kind: (k: string) => k, answers: (n: number) => `${n} réponses`, ratingValue: (v: number) => `${v} sur 5`, named: 'Réponses nominatives', former: 'ancien·ne participant·e' };
    const md = qaMarkdown({ ...data, polls }, labels, new Date('2026-11-23T12:00:00Z'), pollLabels);
    expect(md).toContain('**Réponses nominatives**\n\n- Alice \\*A\\* — Atelier ; =Plénière\n- =Bob — Atelier\n');
    expect(md).toContain('- Chloé — 4 sur 5');
    expect(md.match(/Réponses nominatives/g)).toHaveLength(2);
    const lines = qaCsv({ ...data, polls }, csvLabels('fr')).trim().split('\n');
    const i = lines.indexOf('Identifiant du sondage,Sondage,Nom,Réponse,Répondu le (Europe/Paris)');
    expect(i).toBeGreaterThan(0);
    expect(lines.slice(i + 1)).toEqual([
      `p1,Formats ?,Alice *A*,Atelier ; =Plénière,2026-11-23 10:06`,
      `p1,Formats ?,'=Bob,Atelier,2026-11-23 10:06`,
      `p2,Note ?,Chloé,4,2026-11-23 10:06`,
    ]);
  });

  it('shows an erased person’s poll answer (empty name) as a former participant, in both exports and languages', () => {
    const at = '2026-11-23T09:06:00.000Z';
    const polls: PollExport[] = [
      {
        id: 'p1', sessionId: 's', kind: 'single', question: 'Café ?', options: ['Oui', 'Non'], anonymous: false, allowChange: true, status: 'closed', resultsVisible: false,
        createdAt: at, launchedAt: null, closedAt: null,
        results: { pollId: 'p1', sessionId: 's', total: 2, counts: [1, 1], version: 2 },
        answers: [{ name: '', answer: [0], answeredAt: at }, { name: 'Chloé', answer: [1], answeredAt: at }],
      },
    ];
    const pollLabels = { heading: 'Sondages', kind: (k: string) => k, answers: (n: number) => `${n} réponses`, ratingValue: (v: number) => `${v} sur 5`, named: 'Réponses nominatives', former: 'ancien·ne participant·e' };
    expect(qaMarkdown({ ...data, polls }, labels, new Date(at), pollLabels)).toContain('- ancien·ne participant·e — Oui\n- Chloé — Non');
    expect(qaCsv({ ...data, polls }, csvLabels('fr'))).toContain('p1,Café ?,ancien·ne participant·e,Oui,2026-11-23 10:06');
    expect(qaCsv({ ...data, polls }, csvLabels('en'))).toContain('p1,Café ?,former participant,Oui,2026-11-23 10:06');
  });
});

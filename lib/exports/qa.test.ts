import { describe, expect, it } from 'vitest';
import { qaCsv, qaMarkdown } from './qa';

const data = {
  session: { id: 's', slug: 'ouverture', title: 'Ouverture', startsAt: new Date('2026-11-23T09:00:00Z'), endsAt: new Date('2026-11-23T10:00:00Z') },
  event: { slug: 'forum', title: 'Forum des usages coopératifs', timeZone: 'Europe/Paris' },
  questions: [
    { id: 'q1', sessionId: 's', body: 'Qui *finance* les communs ?', authorKey: 'k1', authorName: 'Alice', anonymous: false, status: 'answered' as const, onAir: false, votes: 3, createdAt: new Date('2026-11-23T09:10:00Z') },
    { id: 'q2', sessionId: 's', body: 'Et après, "la suite" ?', authorKey: 'k2', authorName: 'Bob', anonymous: true, status: 'visible' as const, onAir: false, votes: 1, createdAt: new Date('2026-11-23T09:20:00Z') },
  ],
};
const labels = { heading: 'Questions et réponses', anonymous: 'Anonyme', answered: 'répondue', open: 'ouverte', votes: (n: number) => `${n} votes`, none: 'Aucune', exportedAt: 'Exporté le' };

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
    const csv = qaCsv(data);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,asked_at,author,anonymous,question,votes,status');
    expect(lines[2]).toBe('q2,2026-11-23T09:20:00.000Z,,yes,"Et après, ""la suite"" ?",1,visible');
    expect(csv).not.toContain('Bob');
  });

  it('neutralises questions and names a spreadsheet would read as formulas', () => {
    const hostile = { ...data, questions: [{ ...data.questions[0]!, authorName: '@SUM(A1)', body: '=HYPERLINK("http://evil.example","x")' }] };
    const row = qaCsv(hostile).replace(/^\uFEFF/, '').trim().split('\n')[1]!;
    expect(row).toBe(`q1,2026-11-23T09:10:00.000Z,'@SUM(A1),no,"'=HYPERLINK(""http://evil.example"",""x"")",3,answered`);
  });
});

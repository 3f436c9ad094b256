import { describe, expect, it } from 'vitest';
import { demoteHeadings, MAX_REPORT_AUTHORS, meetingReportMarkdown, notesAuthors } from './meeting-report';

const labels = { notes: 'Notes partagées', group: (name: string) => `Notes du groupe « ${name} »` };
const qa = '# Questions — Atelier\n\n1. Pourquoi ?\n   — Awa · 2 votes · ouverte\n';

describe('meeting report from the notes', () => {
  it('puts the notes first, then the groups’ notes, then the Q&A as before', () => {
    const md = meetingReportMarkdown(
      { notes: '## Décisions\n\n- [x] Ouvrir le tiers-lieu', groups: [{ name: 'Santé', markdown: 'Une piste' }, { name: 'Vide', markdown: '  \n' }], qa },
      labels,
    );
    expect(md).toBe(
      '## Notes partagées\n\n### Décisions\n\n- [x] Ouvrir le tiers-lieu\n\n## Notes du groupe « Santé »\n\nUne piste\n\n# Questions — Atelier\n\n1. Pourquoi ?\n   — Awa · 2 votes · ouverte\n',
    );
  });

  it('is the Q&A alone when nobody wrote notes', () => {
    expect(meetingReportMarkdown({ notes: '\n', qa }, labels)).toBe(qa);
    expect(meetingReportMarkdown({ notes: null, groups: [], qa }, labels)).toBe(qa);
  });

  it('keeps a group’s name from making Markdown of its own', () => {
    const md = meetingReportMarkdown({ notes: null, groups: [{ name: '# [x](javascript:1)\nsuite', markdown: 'ok' }], qa }, labels);
    expect(md.split('\n')[0]).toBe('## Notes du groupe « \\# \\[x\\](javascript:1) suite »');
  });

  it('moves headings one level down, not inside code, never beyond six', () => {
    expect(demoteHeadings('# Un\n```\n# code\n```\n###### Six\n#pas un titre')).toBe('## Un\n```\n# code\n```\n###### Six\n#pas un titre');
  });

  it('credits each writer once, in order, erased people as former participants', () => {
    expect(notesAuthors(['Awa', '', 'Bruno', 'Awa', null, ' '], 'ancien·ne participant·e')).toEqual([
      { name: 'Awa', kind: 'person' },
      { name: 'ancien·ne participant·e', kind: 'person' },
      { name: 'Bruno', kind: 'person' },
    ]);
    expect(notesAuthors(Array.from({ length: 80 }, (_, i) => `P${i}`), 'x')).toHaveLength(MAX_REPORT_AUTHORS);
  });
});

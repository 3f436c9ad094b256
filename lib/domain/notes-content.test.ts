import { describe, expect, it } from 'vitest';
import { notesMarkdown, notesText } from './notes-content';

const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: object[]) => ({ type: 'paragraph', content });

const doc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Atelier')] },
    p(text('Du '), text('gras', [{ type: 'bold' }]), text(', de l’'), text('italique', [{ type: 'italic' }]), text(' et du '), text('code', [{ type: 'code' }]), text('.')),
    p(text('Un lien', [{ type: 'link', attrs: { href: 'https://example.org/a b' } }])),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('un'))] }, { type: 'listItem', content: [p(text('deux'))] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('trois'))] }] },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(text('fait'))] }, { type: 'taskItem', attrs: { checked: false }, content: [p(text('à faire'))] }] },
    { type: 'codeBlock', attrs: { language: 'js' }, content: [text('let a = 1;')] },
    { type: 'blockquote', content: [p(text('citation'))] },
    p(text('*pas* du [markdown](x)')),
  ],
};

describe('notes as Markdown', () => {
  it('writes headings, marks, links, lists, task items, code and quotes', () => {
    const md = notesMarkdown(doc);
    expect(md).toContain('## Atelier');
    expect(md).toContain('Du **gras**, de l’*italique* et du `code`.');
    expect(md).toContain('[Un lien](<https://example.org/a b>)');
    expect(md).toContain('- un\n- deux');
    expect(md).toContain('3. trois');
    expect(md).toContain('- [x] fait\n- [ ] à faire');
    expect(md).toContain('```js\nlet a = 1;\n```');
    expect(md).toContain('> citation');
  });

  it('escapes what a person typed, so that it stays text', () => {
    expect(notesMarkdown(doc)).toContain('\\*pas\\* du \\[markdown]\\(x)');
  });

  it('keeps web, mail and same-site links only', () => {
    const linked = (href: string) => notesMarkdown({ type: 'doc', content: [p(text('ici', [{ type: 'link', attrs: { href } }]))] }).trim();
    expect(linked('javascript:alert(1)')).toBe('ici');
    expect(linked('data:text/html,x')).toBe('ici');
    expect(linked('//evil.example')).toBe('ici');
    expect(linked('mailto:a@b.org')).toBe('[ici](mailto:a@b.org)');
    expect(linked('/events/x')).toBe('[ici](/events/x)');
  });

  it('is empty for an empty document', () => {
    expect(notesMarkdown({ type: 'doc', content: [] }).trim()).toBe('');
    expect(notesMarkdown({ type: 'doc' }).trim()).toBe('');
  });
});

describe('notes as plain text', () => {
  it('has a line per block', () => {
    expect(notesText(doc).split('\n')).toEqual([
      'Atelier',
      'Du gras, de l’italique et du code.',
      'Un lien',
      'un',
      'deux',
      'trois',
      'fait',
      'à faire',
      'let a = 1;',
      'citation',
      '*pas* du [markdown](x)',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown: headings, emphasis, lists, tables, links', () => {
    const html = renderMarkdown('# Titre\n\n*un* **deux**\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[site](https://example.org)');
    expect(html).toContain('<h1>Titre</h1>');
    expect(html).toContain('<em>un</em> <strong>deux</strong>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">site</a>');
  });

  it('never passes raw HTML through: <script>, <iframe>, <style> are gone', () => {
    const html = renderMarkdown('avant <script>alert(1)</script> après\n\n<iframe src="https://evil.test"></iframe>\n\n<style>body{}</style>');
    expect(html).not.toMatch(/<script|<iframe|<style/i);
    expect(html).not.toContain('alert(1)</script>');
    expect(html).toContain('avant');
  });

  it('drops javascript:, data: and vbscript: links and images', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'java\tscript:alert(1)']) {
      const html = renderMarkdown(`[clic](${url}) ![img](${url}) <${url}>`);
      expect(html, url).not.toMatch(/(href|src)="?\s*(java|vb|data)/i);
    }
  });

  it('drops event handlers and inline styles, even inside allowed tags', () => {
    const html = renderMarkdown('<img src="https://x.test/a.png" onerror="alert(1)"> <a href="https://x.test" onclick="alert(1)" style="color:red">x</a>\n\n<p onmouseover="alert(1)">p</p>');
    expect(html).not.toMatch(/onerror|onclick|onmouseover|style=/i);
  });

  it('keeps http(s) images and relative links', () => {
    const html = renderMarkdown('![carte](https://example.org/carte.png) [suite](/paths/a)');
    expect(html).toContain('<img src="https://example.org/carte.png" alt="carte">');
    expect(html).toContain('<a href="/paths/a">suite</a>');
  });

  it('prefixes ids so that a heading or footnote cannot clobber the page', () => {
    const html = renderMarkdown('texte[^1]\n\n[^1]: note');
    expect(html).toContain('user-content-');
  });
});

describe('markdownToText', () => {
  it('gives the plain text, without tags or scripts', () => {
    expect(markdownToText('# Titre\n\nUn *texte* & <script>x()</script> plus')).not.toMatch(/<|script/);
    expect(markdownToText('# Titre\n\nUn *texte* & un [lien](https://x.test)')).toBe('Titre Un texte & un lien');
  });
});

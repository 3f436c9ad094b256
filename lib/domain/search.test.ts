import { describe, expect, it } from 'vitest';
import { highlightParts, searchRequest } from './search';

describe('search snippets', () => {
  it('escapes everything and marks only the matches', () => {
    const { html, parts } = highlightParts('<b>x</b> & \u0002santé\u0003 ouverte', '\u0002', '\u0003');
    expect(html).toBe('&lt;b&gt;x&lt;/b&gt; &amp; <mark>santé</mark> ouverte');
    expect(parts).toEqual([
      { text: '<b>x</b> & ', match: false },
      { text: 'santé', match: true },
      { text: ' ouverte', match: false },
    ]);
  });
  it('drops unbalanced markers', () => {
    expect(highlightParts('a \u0003b\u0002 c', '\u0002', '\u0003').html).toBe('a b<mark> c</mark>');
  });
});

describe('search request', () => {
  it('caps the query and refuses unknown filters', () => {
    expect(searchRequest.parse({}).q).toBe('');
    expect(searchRequest.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(searchRequest.safeParse({ q: 'x', format: 'nope' }).success).toBe(false);
    expect(searchRequest.safeParse({ q: 'x', path: '../x' }).success).toBe(false);
    expect(searchRequest.parse({ q: 'x', limit: '5', other: 'ignored' })).toEqual({ q: 'x', limit: 5 });
  });
});

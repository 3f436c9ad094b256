import { type ComponentProps, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';
import { FiguresTable } from './figures';
import { LineChart } from './LineChart';
import { SplitBar } from './SplitBar';

const format = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const cellValues = (html: string, id: string) => {
  const table = html.slice(html.indexOf(`data-figures="${id}"`));
  return [...table.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
};
const count = (html: string, needle: RegExp) => (html.match(needle) ?? []).length;
/** A bar chart as the server writes it; categories as [key, label] pairs. */
const bars = ({ categories, ...props }: Omit<ComponentProps<typeof BarChart>, 'format' | 'categories'> & { categories: [string, string][] }) =>
  renderToStaticMarkup(createElement(BarChart, { ...props, format, categories: categories.map(([key, label]) => ({ key, label })) }));

describe('report charts', () => {
  it('BarChart draws one bar per category and series, and its table holds the same figures', () => {
    const html = bars({
      id: 'by-day',
      title: 'Inscriptions par jour',
      description: '3 jours, 12 inscriptions',
      categoryHead: 'Jour',
      categories: [
        ['2026-12-01', '1 déc.'],
        ['2026-12-02', '2 déc.'],
        ['2026-12-03', '3 déc.'],
      ],
      series: [{ label: 'Inscriptions', values: [5, 0, 1234] }],
    });
    expect(count(html, /data-bar="/g)).toBe(3);
    expect(cellValues(html, 'by-day')).toEqual([5, 0, 1234]);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="by-day-title by-day-desc"');
    expect(html).toContain('<title id="by-day-title">Inscriptions par jour</title>');
    expect(html).toContain('<caption class="sr-only">Inscriptions par jour</caption>');
    expect(html).toContain('1\u202f234'); // the reader's locale
    expect(count(html, /scope="row"/g)).toBe(3);
  });

  it('BarChart with two series draws them side by side, the second hatched, with a legend', () => {
    const html = bars({
      id: 'cmp',
      title: 'Comparaison',
      description: 'd',
      categoryHead: 'Chiffre',
      categories: [
        ['a', 'Inscrits'],
        ['b', 'Présents'],
      ],
      series: [
        { label: '2026', values: [10, 7] },
        { label: '2025', values: [8, 3] },
      ],
    });
    expect(count(html, /data-bar="/g)).toBe(4);
    expect(html).toContain('url(#cmp-hatch)');
    expect(cellValues(html, 'cmp')).toEqual([10, 8, 7, 3]);
    expect(html).toMatch(/<th scope="col"[^>]*>2025<\/th>/);
  });

  it('LineChart draws one vertex per point and a rule per marker, listed beneath with their times', () => {
    const start = Date.parse('2026-12-07T10:00:00Z');
    const points = Array.from({ length: 31 }, (_, i) => ({ at: new Date(start + i * 60_000).toISOString(), value: i % 7 }));
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        id: 'curve',
        title: 'Courbe',
        description: 'd',
        timeHead: 'Heure',
        valueHead: 'En ligne',
        points,
        markers: [
          { at: new Date(start + 5 * 60_000).toISOString(), kind: 'question', label: 'Pourquoi ?' },
          { at: new Date(start + 9 * 60_000).toISOString(), kind: 'poll', label: 'Votre avis' },
          { at: new Date(start + 12 * 60_000).toISOString(), kind: 'question', label: 'Et après ?' },
        ],
        markerTag: (kind, n) => `${kind === 'question' ? 'Q' : 'S'}${n}`,
        markersTitle: 'Moments',
        formatTime: (d) => d.toISOString().slice(11, 16),
        format,
        foldLabel: 'Les chiffres',
      }),
    );
    const path = /<path[^>]*d="(M[^"]+)"/.exec(html)?.[1] ?? '';
    expect(path.split(/[ML]/).filter(Boolean)).toHaveLength(31);
    expect(count(html, /<g data-marker="/g)).toBe(3);
    expect(count(html, /<li data-marker="/g)).toBe(3);
    expect(html).toContain('>Q2<');
    expect(html).toContain('>S1<');
    expect(html).toContain('10:09');
    expect(cellValues(html, 'curve')).toEqual(points.map((p) => p.value));
    expect(html).toContain('<details><summary');
  });

  it('SplitBar cuts one bar into its parts with their shares', () => {
    const html = renderToStaticMarkup(
      createElement(SplitBar, {
        id: 'mode',
        title: 'Sur place ou en ligne',
        description: 'd',
        partHead: 'Mode',
        valueHead: 'Personnes',
        shareHead: 'Part',
        parts: [
          { key: 'onsite', label: 'Sur place', value: 3 },
          { key: 'online', label: 'En ligne', value: 1 },
        ],
        format,
        formatShare: (s) => `${Math.round(s * 100)} %`,
      }),
    );
    expect(count(html, /data-part="/g)).toBe(2);
    expect(cellValues(html, 'mode')).toEqual([3, 0.75, 1, 0.25]);
    expect(html).toContain('Sur place — 3 (75 %)');
  });

  it('FiguresTable heads its rows, and gives each figure its raw value, column and the row’s data attributes', () => {
    const table = { head: ['Code', 'Inscriptions'], rows: [{ key: 'A', data: { session: 's1' }, cells: ['A', { text: '1 234', value: 1234, col: 'count' }] }] };
    const html = renderToStaticMarkup(createElement(FiguresTable, { id: 'codes', caption: 'Codes', rowHead: 'font-mono', table }));
    expect(html).toContain('<caption class="sr-only">Codes</caption>');
    expect(html).toContain('<tr class="border-t border-stone-200" data-session="s1"><th scope="row" class="p-2 text-left font-mono">A</th>');
    expect(html).toContain('data-col="count" data-value="1234">1 234</td>');
    expect(cellValues(html, 'codes')).toEqual([1234]);
  });
});

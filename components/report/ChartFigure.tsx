import type { ReactNode } from 'react';

/** One cell of a chart's table: the text a person reads, and the raw figure it shows (tests compare it). */
export type FigureCell = string | { text: string; value: number };
export type FigureTable = { head: string[]; rows: { key: string; cells: FigureCell[] }[] };

/** The drawing area every chart shares: a fixed viewBox scaled to the column's width (390 px phones too). */
export const CHART = { width: 640, height: 280, margin: { top: 24, right: 32, bottom: 40, left: 48 } } as const;

/** Ink with enough contrast on white (WCAG 1.4.11: ≥ 3:1 for graphics), and the same in print. */
export const INK = { primary: '#0f5c4d', secondary: '#7a4a00', axis: '#44403c', question: '#9f1239', poll: '#1e3a8a' } as const;

/**
 * A chart as everyone can read it: a `<figure>` whose SVG is one image named by its title and
 * described by a sentence, its caption, and beneath it a table with the same figures (read without
 * JavaScript, by screen readers, and printed). Long tables fold under a `<details>` (`foldLabel`).
 */
export function ChartFigure({
  id,
  kind,
  title,
  description,
  table,
  foldLabel,
  notes,
  children,
}: {
  id: string;
  kind: string;
  title: string;
  description: string;
  table: FigureTable;
  foldLabel?: string;
  /** What the chart marks that the table does not hold (a legend of its markers). */
  notes?: ReactNode;
  children: ReactNode;
}) {
  const tableEl = (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-sm" data-figures={id}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="text-left">
            {table.head.map((h, i) => (
              <th key={h} scope="col" className={`p-2 ${i > 0 ? 'text-right' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-t border-stone-200">
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="p-2 text-left font-normal">
                    {typeof cell === 'string' ? cell : cell.text}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right tabular-nums" data-value={typeof cell === 'string' ? undefined : cell.value}>
                    {typeof cell === 'string' ? cell : cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <figure className="report-chart space-y-2 rounded-lg bg-white p-3" data-chart={kind} id={id}>
      <figcaption className="font-semibold">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        width="100%"
        className="h-auto w-full max-w-3xl"
        fontFamily="inherit"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {notes}
      {foldLabel ? (
        <details>
          <summary className="cursor-pointer text-sm">{foldLabel}</summary>
          {tableEl}
        </details>
      ) : (
        tableEl
      )}
    </figure>
  );
}

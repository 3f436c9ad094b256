import type { ReactNode } from 'react';
import { type FigureTable, FiguresTable } from './figures';

export type { FigureCell, FigureTable } from './figures';

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
  const tableEl = <FiguresTable id={id} caption={title} table={table} />;
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

import Link from 'next/link';
import type { ReactNode } from 'react';
import { Section } from '@/components/Section';

// What the report pages share (the event's and a session's): a titled section, the key figures,
// and the table of figures every chart has beneath it (components/report/ChartFigure.tsx) and some
// sections have alone. Each figure carries its raw value (`data-value`): tests compare it with the JSON.

/** One cell of a table of figures: the text a person reads, and the raw figure it shows. */
export type FigureCell = string | { text: ReactNode; value?: number; col?: string };
export type FigureRow = { key: string; cells: FigureCell[]; /** `data-*` attributes of the row. */ data?: Record<string, string> };
export type FigureTable = { head: string[]; rows: FigureRow[] };

const textOf = (cell: FigureCell) => (typeof cell === 'string' ? cell : cell.text);

/** A table of figures: the first column names the row, the others are figures (right-aligned). */
export function FiguresTable({ id, caption, table, rowHead = 'font-normal' }: { id: string; caption: string; table: FigureTable; /** Classes of the row's name cell. */ rowHead?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-sm" data-figures={id}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left align-bottom">
            {table.head.map((h, i) => (
              <th key={h} scope="col" className={`p-2 ${i > 0 ? 'text-right' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-t border-stone-200" {...Object.fromEntries(Object.entries(row.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`p-2 text-left ${rowHead}`}>
                    {textOf(cell)}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right tabular-nums" data-col={typeof cell === 'string' ? undefined : cell.col} data-value={typeof cell === 'string' ? undefined : cell.value}>
                    {textOf(cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A section of a report page, named by its heading. */
export function ReportSection({ id, title, className = '', children, testId }: { id: string; title: string; className?: string; children: ReactNode; testId?: string }) {
  return (
    <Section headingId={id} title={title} headingClassName="text-xl font-bold" className={`space-y-3 ${className}`} data-testid={testId}>
      {children}
    </Section>
  );
}

/** The key figures, as a list of terms and values (`data-figure`, `data-value`). */
export function KeyFigures({ testId, columns, items }: { testId: string; /** Grid columns from the small breakpoint. */ columns: 'sm:grid-cols-4' | 'sm:grid-cols-5'; items: { key: string; label: string; text: string; value: number }[] }) {
  return (
    <dl className={`grid grid-cols-2 gap-3 ${columns}`} data-testid={testId}>
      {items.map(({ key, label, text, value }) => (
        <div key={key} className="rounded-lg bg-white p-3">
          <dt className="text-sm text-stone-700">{label}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-figure={key} data-value={value}>
            {text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A short note under a figure or section. */
export function Note({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="text-sm text-stone-700" data-testid={testId}>
      {children}
    </p>
  );
}

/** A report page's heading: the way back, the title and what it is about, and its actions (print, JSON…: not printed). */
export function ReportHeader({ back, title, subtitle, note, children }: { back: { href: string; label: string }; title: string; subtitle: ReactNode; note: string; children: ReactNode }) {
  return (
    <header className="space-y-2">
      <p className="report-noprint text-sm">
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {title} <span className="block text-base font-normal text-stone-600">{subtitle}</span>
      </h1>
      <Note>{note}</Note>
      <div className="report-noprint flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">{children}</div>
    </header>
  );
}

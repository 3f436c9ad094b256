import type { ReactNode } from 'react';

/** A table of rows that scrolls sideways on a phone: its column heads (`numeric` ones right-aligned), then `children`, the rows. */
export function ListTable({ head, testId, children }: { head: { label: string; numeric?: boolean }[]; testId?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-sm" data-testid={testId}>
        <thead>
          <tr className="text-left">
            {head.map((h) => (
              <th key={h.label} className={h.numeric ? 'p-2 text-right' : 'p-2'}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

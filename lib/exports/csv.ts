import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV this app writes: UTF-8 with a BOM (spreadsheet apps then read the accents right), a
 * header row, and formulas neutralised: a cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or their full-width forms) is prefixed with `'`, so that a name such as
 * `=HYPERLINK(…)` reads as text in a spreadsheet instead of running (csv-stringify's
 * `escape_formulas`). Numbers stay numbers. A second table appended to a file goes without the BOM.
 */
export function toCsv(columns: string[], rows: (string | number)[][], { bom = true }: { bom?: boolean } = {}): string {
  return stringify(rows, { header: true, columns, bom, escape_formulas: true });
}

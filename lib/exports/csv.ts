import { stringify } from 'csv-stringify/sync';
import { localDate, localTime } from '@/lib/domain/time';

/**
 * Every CSV this app writes: UTF-8 with a BOM (spreadsheet apps then read the accents right), a
 * header row, and formulas neutralised: a cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or their full-width forms) is prefixed with `'`, so that a name such as
 * `=HYPERLINK(…)` reads as text in a spreadsheet instead of running (csv-stringify's
 * `escape_formulas`). Numbers stay numbers. A second table appended to a file goes without the BOM.
 */
export function toCsv(columns: string[], rows: (string | number)[][], { bom = true, dialect = 'standard' }: { bom?: boolean; dialect?: CsvDialect } = {}): string {
  return stringify(rows, { header: true, columns, bom, escape_formulas: true, ...DIALECTS[dialect] });
}

/**
 * `standard`: comma-separated (RFC 4180's separator), lines ended by LF — the public contract of
 * the exports. `spreadsheet`: semicolon-separated with CRLF, which spreadsheet software set up for
 * French (where the comma is the decimal separator) splits into columns on opening.
 */
export type CsvDialect = 'standard' | 'spreadsheet';
const DIALECTS = {
  standard: {},
  // Cells holding a line break (CR or LF) stay quoted, as in the standard dialect.
  spreadsheet: { delimiter: ';', record_delimiter: 'windows', quote_record_delimiter: true },
} as const;

/**
 * A date and time in a CSV cell: the event's wall-clock time as `YYYY-MM-DD HH:MM`, the same in
 * both languages, which spreadsheet apps read as a date and sort (the header names the zone).
 */
export const csvDateTime = (instant: Date, timeZone: string): string => `${localDate(instant, timeZone)} ${localTime(instant, timeZone)}`;

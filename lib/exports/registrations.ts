import { z } from 'zod';
import { formerName } from '@/lib/domain/erased';
import type { Answers, Question } from '@/lib/domain/questions';
import { type CsvDialect, csvDateTime, toCsv } from './csv';

export type RegistrationRow = {
  name: string;
  email: string;
  answers: Answers;
  createdAt: Date;
  checkedInAt: Date | null;
  seats: { title: string; status: 'confirmed' | 'waitlisted'; mode: 'onsite' | 'online' }[];
};

/** `GET /api/events/{event}/registrations.csv`'s query: the file's dialect (lib/exports/csv.ts). */
export const registrationsCsvQuery = z.object({
  format: z
    .enum(['standard', 'spreadsheet'])
    .default('standard')
    .describe('`standard` (default): comma-separated, the public contract; `spreadsheet`: semicolon-separated, CRLF, UTF-8 with BOM, for spreadsheet software set up for French'),
});

export const REGISTRATION_COLUMNS = ['name', 'email', 'registeredAt', 'checkedInAt', 'sessions', 'modes'] as const;

/** What the attendee export writes in the reader's language (the route fills it from the catalogues). */
export type RegistrationCsvLabels = {
  /** A column's header (date columns name the event's time zone). */
  column: (c: (typeof REGISTRATION_COLUMNS)[number]) => string;
  seat: (status: RegistrationRow['seats'][number]['status']) => string;
  /** A seat's mode: on site or online. */
  mode: (mode: RegistrationRow['seats'][number]['mode']) => string;
  yes: string;
  no: string;
  /** The name shown for an erased registrant (`privacy.formerParticipant`). */
  former: string;
};

/**
 * The attendee list as CSV in the reader's language: the fixed columns, then one column per answer
 * to the registration form, headed by the question's label (its key when the question is gone).
 * Dates are the event's wall-clock time (`csvDateTime`); formulas are neutralised (`toCsv`).
 */
export function registrationsCsv(
  list: RegistrationRow[],
  questions: Pick<Question, 'key' | 'label'>[],
  timeZone: string,
  labels: RegistrationCsvLabels,
  dialect: CsvDialect = 'standard',
): string {
  const keys = [...new Set(list.flatMap((a) => Object.keys(a.answers)))].sort();
  const label = (key: string) => questions.find((q) => q.key === key)?.label ?? key;
  const cell = (v: Answers[string] | undefined) => (Array.isArray(v) ? v.join('; ') : v === true ? labels.yes : v === false ? labels.no : (v ?? ''));
  return toCsv(
    [...REGISTRATION_COLUMNS.map(labels.column), ...keys.map(label)],
    list.map((a) => [
      formerName(a.name, labels.former),
      a.email,
      csvDateTime(a.createdAt, timeZone),
      a.checkedInAt ? csvDateTime(a.checkedInAt, timeZone) : '',
      a.seats.map((seat) => `${seat.title} (${labels.seat(seat.status)})`).join('; '),
      // Each seat's mode, in the order of the sessions column.
      a.seats.map((seat) => labels.mode(seat.mode)).join('; '),
      ...keys.map((k) => cell(a.answers[k])),
    ]),
    { dialect },
  );
}

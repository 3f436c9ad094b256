import { z } from 'zod';
import type { FullEventReport } from '@/lib/domain/report';
import { type CsvDialect, toCsv } from './csv';
import { registrationsCsvQuery } from './registrations';

/**
 * The report's figures as CSV (docs/report.md): one table per figure set, aggregates only. The
 * organizer's download (`GET /api/events/{event}/report.csv`) heads the columns in the reader's
 * language and writes dates in the event's time zone; the open-data package heads them with the
 * column ids below and writes dates as ISO 8601 (its `datapackage.json` describes them).
 */

export const REPORT_TABLES = ['sessions', 'registrations-by-day', 'registrations-by-code', 'registrations-by-source', 'registrations-by-day-and-source', 'attendance'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** `GET /api/events/{event}/report.csv`'s query: which table, in which dialect. */
export const reportCsvQuery = registrationsCsvQuery.extend({
  table: z.enum(REPORT_TABLES).default('sessions').describe('`sessions` (default): one row per session; `registrations-by-day`; `registrations-by-code`: invitation codes; `registrations-by-source`, `registrations-by-day-and-source`: what drove registrations (mails, shared links, direct); `attendance`: each session’s curve'),
});

/** Each table's columns, by id (the open data's field names). */
export const REPORT_COLUMNS = {
  sessions: [
    'session',
    'title',
    'startsAt',
    'endsAt',
    'registered',
    'checkedIn',
    'onlineViewers',
    'peakOnline',
    'averageOnline',
    'medianMinutesWatched',
    'questions',
    'votes',
    'messages',
    'pollAnswers',
    'replayViews',
  ],
  'registrations-by-day': ['day', 'registrations'],
  'registrations-by-code': ['code', 'registrations'],
  'registrations-by-source': ['source', 'registrations'],
  'registrations-by-day-and-source': ['day', 'source', 'registrations'],
  attendance: ['session', 'at', 'online'],
} as const satisfies Record<ReportTable, readonly string[]>;

export type ReportColumn = (typeof REPORT_COLUMNS)[ReportTable][number];

export type ReportCsvLabels = {
  column: (c: ReportColumn) => string;
  dateTime: (iso: string) => string;
  /** A registration's source (`mail:<kind>`, a slug, `direct`) as written. */
  source: (source: string) => string;
};

/** Column ids as headers, dates as written (ISO 8601): the open data's labels. */
export const OPEN_DATA_LABELS: ReportCsvLabels = { column: (c) => c, dateTime: (iso) => iso, source: (s) => s };

/** One table of the event's report as CSV (formulas neutralised by `toCsv`). */
export function reportCsv(report: FullEventReport, table: ReportTable, labels: ReportCsvLabels, opts: { dialect?: CsvDialect; bom?: boolean } = {}): string {
  return toCsv(REPORT_COLUMNS[table].map(labels.column), reportRows(report, table, labels), opts);
}

function reportRows(report: FullEventReport, table: ReportTable, labels: ReportCsvLabels): (string | number)[][] {
  switch (table) {
    case 'sessions':
      return report.sessions.map((s) => [
        s.slug,
        s.title,
        labels.dateTime(s.startsAt),
        labels.dateTime(s.endsAt),
        s.registered,
        s.checkedIn,
        s.onlineViewers,
        s.peakOnline,
        s.averageOnline,
        s.medianMinutesWatched,
        s.questions,
        s.votes,
        s.messages,
        s.pollAnswers,
        s.replayViews,
      ]);
    case 'registrations-by-day':
      return report.registrations.byDay.map((d) => [d.day, d.count]);
    case 'registrations-by-code':
      return report.registrations.byCode.map((c) => [c.code, c.count]);
    case 'registrations-by-source':
      return report.registrations.bySource.map((r) => [labels.source(r.source), r.count]);
    case 'registrations-by-day-and-source':
      return report.registrations.byDayAndSource.map((r) => [r.day, labels.source(r.source), r.count]);
    case 'attendance':
      return report.sessions.flatMap((s) => s.attendance.map((p) => [s.slug, labels.dateTime(p.at), p.online]));
  }
}

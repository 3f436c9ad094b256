import { strToU8, zipSync } from 'fflate';
import { exportData } from '@/db/queries/exports';
import { reportEvent } from '@/db/queries/report';
import { type CsvDialect, csvDateTime, toCsv } from '@/lib/exports/csv';
import { OPEN_DATA_LABELS, REPORT_COLUMNS, type ReportColumn, reportCsv, type ReportTable } from '@/lib/exports/report';
import { exportable } from '@/lib/exports/types';
import { dataPackage, type FieldType, type PackageResource } from '@/lib/domain/open-data';
import { DomainError } from '@/lib/errors';
import { sourceLabel, type SourceTranslator } from '@/lib/domain/registration-source';
import type { Locale } from '@/lib/i18n';
import { callDecisions } from '@/server/calls/list-call-decisions';
import { callsOfEvent } from '@/server/calls/list-event-calls';
import { catalogue } from '@/server/catalogue';
import { eventReport } from './index';

const csvHeaders = (file: string, type: string, locale: Locale) => ({
  'content-type': `${type}`,
  'content-disposition': `attachment; filename="${file}"`,
  'content-language': locale,
});

/**
 * `GET /api/events/{event}/report.csv?table=`: one table of the event's report, headed in the
 * reader's language, dates in the event's time zone (the caller checked `event.manage`).
 */
export async function reportCsvFile(eventId: string, table: ReportTable, locale: Locale, dialect: CsvDialect): Promise<Response> {
  const report = await eventReport(eventId);
  const t = catalogue(locale);
  const tz = report.event.timeZone;
  const csv = reportCsv(
    report,
    table,
    {
      column: (c) => t(`reportData.columns.${c}`, { zone: tz }),
      dateTime: (iso) => csvDateTime(new Date(iso), tz),
      source: (source) => sourceLabel(source, (key, values) => (t as unknown as SourceTranslator)(`reportSources.${key}`, values)),
    },
    { dialect },
  );
  const name = `${t('reportData.file', { event: report.event.slug })}-${table}${dialect === 'spreadsheet' ? `-${t('setup.spreadsheetFile')}` : ''}.csv`;
  return new Response(csv, { headers: csvHeaders(name, 'text/csv; charset=utf-8', locale) });
}

// ---------------------------------------------------------------- open data

const PROGRAMME_COLUMNS = ['session', 'title', 'kind', 'status', 'mode', 'language', 'startsAt', 'endsAt', 'room', 'track', 'people'] as const;
const DECISION_COLUMNS = ['call', 'proposal', 'status', 'at', 'reason'] as const;
type OpenColumn = ReportColumn | (typeof PROGRAMME_COLUMNS)[number] | (typeof DECISION_COLUMNS)[number];

const TYPES: Partial<Record<OpenColumn, FieldType>> = {
  startsAt: 'datetime',
  endsAt: 'datetime',
  at: 'datetime',
  day: 'date',
  averageOnline: 'number',
  medianMinutesWatched: 'number',
};
const INTEGERS = new Set<OpenColumn>(['registered', 'checkedIn', 'onlineViewers', 'peakOnline', 'questions', 'votes', 'messages', 'pollAnswers', 'replayViews', 'registrations', 'online']);
const typeOf = (c: OpenColumn): FieldType => TYPES[c] ?? (INTEGERS.has(c) ? 'integer' : 'string');

/**
 * `GET /api/events/{event}/open-data.zip`: public, for the open-data portals (docs/report.md). The
 * public programme (public sessions only, with the people the programme names), the decisions of
 * the event's open calls (no reviewer, no score: the public trail), each public session's figures
 * and the registrations per day, as CSV (comma, UTF-8, column ids as headers, ISO 8601 dates),
 * with `datapackage.json` (titles in the reader's language) under the event's open-data licence.
 * Aggregates only: no figure names a person, and invitation codes stay with the organizers.
 */
export async function openDataZip(eventSlug: string, locale: Locale, now = new Date()): Promise<Response> {
  const event = await reportEvent({ slug: eventSlug });
  const programme = await exportData(eventSlug);
  if (!event || !programme) throw new DomainError(404, 'event_not_found', 'No such event.');
  const t = catalogue(locale);
  const sessions = programme.sessions.filter(exportable);
  const publicIds = new Set(sessions.map((s) => s.id));
  const report = await eventReport(event.id, now);
  const open = { ...report, sessions: report.sessions.filter((s) => publicIds.has(s.id)) };
  const iso = (d: Date) => d.toISOString();
  const programmeCsv = toCsv(
    [...PROGRAMME_COLUMNS],
    sessions.map((s) => [
      s.slug,
      s.title,
      s.kind,
      s.status,
      s.mode,
      s.language,
      iso(s.startsAt),
      iso(s.endsAt),
      s.room?.name ?? '',
      s.track?.name ?? '',
      s.people.map((p) => (p.organization ? `${p.name} (${p.organization})` : p.name)).join('; '),
    ]),
    { bom: false },
  );
  const decisions: (string | number)[][] = [];
  for (const call of (await callsOfEvent(eventSlug, now)) ?? []) {
    const found = await callDecisions(call.slug);
    for (const e of found?.entries ?? []) decisions.push([call.slug, e.title, e.status, iso(e.at), e.reason ?? '']);
  }
  const files: [string, string, readonly OpenColumn[], string][] = [
    ['programme', programmeCsv, PROGRAMME_COLUMNS, t('reportData.openData.programme')],
    ['decisions', toCsv([...DECISION_COLUMNS], decisions, { bom: false }), DECISION_COLUMNS, t('reportData.openData.decisions')],
    ['sessions-report', reportCsv(open, 'sessions', OPEN_DATA_LABELS, { bom: false }), REPORT_COLUMNS.sessions, t('reportData.openData.sessions')],
    ['registrations-by-day', reportCsv(open, 'registrations-by-day', OPEN_DATA_LABELS, { bom: false }), REPORT_COLUMNS['registrations-by-day'], t('reportData.openData.byDay')],
  ];
  const resources: PackageResource[] = files.map(([name, , columns, title]) => ({
    name,
    path: `${name}.csv`,
    title,
    fields: columns.map((c) => ({ name: c, type: typeOf(c), title: t(`reportData.columns.${c}`, { zone: 'UTC' }) })),
  }));
  const pkg = dataPackage({
    name: `chemins-${event.slug}`,
    title: event.title,
    description: t('reportData.openData.description', { event: event.title }),
    licence: event.openDataLicence,
    created: now,
    resources,
  });
  const zip = zipSync({
    'datapackage.json': strToU8(JSON.stringify(pkg, null, 2)),
    ...Object.fromEntries(files.map(([name, csv]) => [`${name}.csv`, strToU8(csv)])),
  });
  return new Response(zip, { headers: csvHeaders(`${event.slug}-open-data.zip`, 'application/zip', locale) });
}

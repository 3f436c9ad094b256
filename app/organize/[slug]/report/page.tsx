import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/report/BarChart';
import { PrintButton } from '@/components/report/PrintButton';
import { FiguresTable, KeyFigures, Note, ReportHeader, ReportSection } from '@/components/report/figures';
import { perAttendee, reportFormats } from '@/components/report/report-view';
import { SplitBar } from '@/components/report/SplitBar';
import '@/components/report/report-print.css';
import { userMay } from '@/db/queries/grants';
import { organizedEvent } from '@/db/queries/organizer';
import { previousEdition } from '@/db/queries/report/previous-edition';
import { sourceGroup, sourceLabel, type SourceTranslator } from '@/lib/domain/registration-source';
import type { FullEventReport } from '@/lib/domain/report';
import { REPORT_TABLES } from '@/lib/exports/report';
import { signedInUser } from '@/server/auth/current';
import { eventReport } from '@/server/report';
import { Forbidden } from '@/components/Forbidden';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('title'), robots: { index: false } };
}

/** The organizer's report of an event (issue 30): the same figures as `GET /api/events/{event}/report`, drawn and tabled. */
export default async function EventReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await signedInUser(`/organize/${slug}/report`);
  const [t, tOrg, tSources, locale, event] = await Promise.all([
    getTranslations('report'),
    getTranslations('organize'),
    getTranslations('reportSources'),
    getLocale(),
    organizedEvent(user.id, slug),
  ]);
  if (!event) return <Forbidden title={t('title')} message={tOrg('forbidden')} testId="report-forbidden" />;
  const tSrc = tSources as unknown as SourceTranslator;
  const previous = await previousEdition(event);
  const mayCompare = previous ? await userMay(user.id, 'event.manage', { eventId: previous.id }) : false;
  const [report, before] = await Promise.all([eventReport(event.id), previous && mayCompare ? eventReport(previous.id) : null]);
  const f = reportFormats(locale, event.timeZone);
  const r = report.registrations;
  const both = Math.max(0, r.onsite + r.online - r.present);
  const totals = (rep: FullEventReport) => ({
    registered: rep.registrations.total,
    present: rep.registrations.present,
    onsite: rep.registrations.onsite,
    online: rep.registrations.online,
    sessions: rep.sessions.length,
    questions: rep.sessions.reduce((s, x) => s + x.questions, 0),
    messages: rep.sessions.reduce((s, x) => s + x.messages, 0),
    pollAnswers: rep.sessions.reduce((s, x) => s + x.pollAnswers, 0),
  });
  const now = totals(report);
  const then = before ? totals(before) : null;
  const csv = (table: string) => `/api/events/${slug}/report.csv?table=${table}`;
  return (
    <div className="space-y-8" data-testid="event-report">
      <ReportHeader back={{ href: `/organize/${slug}`, label: tOrg('title') }} title={t('title')} subtitle={event.title} note={t('aggregatesOnly')}>
        <PrintButton label={t('print')} />
        <a href={`/api/events/${slug}/report`} data-testid="report-json">
          {t('json')}
        </a>
        <a href={`/api/events/${slug}/open-data.zip`} download>
          {t('openData')}
        </a>
      </ReportHeader>

      <ReportSection id="key-figures" title={t('keyFigures')}>
        <KeyFigures
          testId="key-figures"
          columns="sm:grid-cols-5"
          items={(
            [
              ['registered', f.n(r.total), r.total],
              ['present', f.n(r.present), r.present],
              ['noShowRate', f.pct(r.noShowRate), r.noShowRate],
              ['onsite', f.n(r.onsite), r.onsite],
              ['online', f.n(r.online), r.online],
            ] as const
          ).map(([key, text, value]) => ({ key, label: t(`figures.${key}`), text, value }))}
        />
        <SplitBar
          id="presence"
          title={t('presence.title')}
          description={t('presence.description', { onsite: r.onsite - both, online: r.online - both, both, absent: r.total - r.present, total: r.total })}
          partHead={t('presence.part')}
          valueHead={t('people')}
          shareHead={t('share')}
          parts={[
            { key: 'onsite', label: t('presence.onsiteOnly'), value: r.onsite - both },
            { key: 'online', label: t('presence.onlineOnly'), value: r.online - both },
            { key: 'both', label: t('presence.both'), value: both },
            { key: 'absent', label: t('presence.absent'), value: Math.max(0, r.total - r.present) },
          ]}
          format={f.n}
          formatShare={f.pct}
        />
      </ReportSection>

      <ReportSection id="registrations" title={t('registrations.title')}>
        {r.byDay.length === 0 && <Note>{t('registrations.none')}</Note>}
        {r.byDay.length > 0 && (
          <BarChart
            id="by-day"
            title={t('registrations.byDay')}
            description={t('registrations.byDayDescription', { days: r.byDay.length, total: r.byDay.reduce((s, d) => s + d.count, 0) })}
            categoryHead={t('day')}
            categories={r.byDay.map((d) => ({ key: d.day, label: f.day(d.day) }))}
            series={[{ label: t('registrations.count'), values: r.byDay.map((d) => d.count) }]}
            format={f.n}
            foldLabel={r.byDay.length > 14 ? t('showTable') : undefined}
          />
        )}
      </ReportSection>

      <ReportSection id="sources" title={tSources('title')} testId="registration-sources">
        <Note>{tSources('intro')}</Note>
        {r.bySource.length === 0 ? (
          <Note>{tSources('none')}</Note>
        ) : (
          <BarChart
            id="by-source"
            title={tSources('chart')}
            description={tSources('chartDescription', { total: r.total, ...sourceGroups(r.bySource) })}
            categoryHead={tSources('source')}
            categories={r.bySource.map((x, i) => ({ key: x.source, label: `${i + 1}. ${sourceLabel(x.source, tSrc)}`, short: String(i + 1) }))}
            series={[{ label: t('registrations.count'), values: r.bySource.map((x) => x.count) }]}
            format={f.n}
          />
        )}
        <h3 className="text-lg font-semibold">{tSources('codes')}</h3>
        {r.byCode.length === 0 ? (
          <Note>{t('registrations.noCode')}</Note>
        ) : (
          <FiguresTable
            id="by-code"
            caption={t('registrations.byCode')}
            rowHead="font-mono font-normal"
            table={{ head: [t('registrations.code'), t('registrations.count')], rows: r.byCode.map((c) => ({ key: c.code, cells: [c.code, { text: f.n(c.count), value: c.count }] })) }}
          />
        )}
        <Note>{t('registrations.mailsNote')}</Note>
      </ReportSection>

      <ReportSection id="sessions" title={t('sessions.title')} className="report-page-break">
        {report.sessions.length > 0 && (
          <BarChart
            id="per-session"
            title={t('sessions.chart')}
            description={t('sessions.chartDescription', { count: report.sessions.length })}
            categoryHead={t('session')}
            categories={report.sessions.map((s, i) => ({ key: s.id, label: s.title, short: String(i + 1) }))}
            series={[
              { label: t('figures.registered'), values: report.sessions.map((s) => s.registered) },
              { label: t('figures.checkedIn'), values: report.sessions.map((s) => s.checkedIn) },
              { label: t('figures.peakOnline'), values: report.sessions.map((s) => s.peakOnline) },
            ]}
            format={f.n}
            foldLabel={report.sessions.length > 8 ? t('showTable') : undefined}
          />
        )}
        <Note>{t('sessions.tableCaption')}</Note>
        <FiguresTable
          id="sessions"
          caption={t('sessions.tableTitle')}
          rowHead="min-w-48 font-normal"
          table={{
            head: [t('session'), ...SESSION_COLUMNS.map((c) => t(`figures.${c}`))],
            rows: report.sessions.map((s, i) => ({
              key: s.id,
              data: { session: s.id },
              cells: [
                {
                  text: (
                    <>
                      <span className="tabular-nums">{i + 1}.</span> <Link href={`/organize/${slug}/report/${s.slug}`}>{s.title}</Link>
                      <span className="block text-xs text-stone-600">{f.when(s.startsAt)}</span>
                    </>
                  ),
                },
                ...SESSION_COLUMNS.map((c) => {
                  const value = s[c];
                  const ratio = PER_ATTENDEE.has(c) ? perAttendee(value, s) : null;
                  return {
                    col: c,
                    value,
                    text: (
                      <>
                        {c === 'averageOnline' || c === 'medianMinutesWatched' ? f.dec(value) : f.n(value)}
                        {ratio !== null && <span className="block text-xs text-stone-600">{t('perAttendee', { n: f.dec(ratio) })}</span>}
                      </>
                    ),
                  };
                }),
              ],
            })),
          }}
        />
        <Note>{t('sessions.perAttendeeNote')}</Note>
      </ReportSection>

      <ReportSection id="comparison" title={t('comparison.title')}>
        {previous && then ? (
          <>
            <p className="text-sm">
              {t('comparison.with', { title: previous.title })}{' '}
              {t('comparison.noShow', { now: f.pct(r.noShowRate), then: f.pct(before!.registrations.noShowRate) })}
            </p>
            <BarChart
              id="comparison-chart"
              title={t('comparison.chart', { previous: previous.title })}
              description={t('comparison.chartDescription', { registered: now.registered, before: then.registered })}
              categoryHead={t('comparison.figure')}
              categories={COMPARED.map((k) => ({ key: k, label: t(`comparison.figures.${k}`) }))}
              series={[
                { label: event.title, values: COMPARED.map((k) => now[k]) },
                { label: previous.title, values: COMPARED.map((k) => then[k]) },
              ]}
              format={f.n}
            />
          </>
        ) : (
          <Note testId="no-previous">{previous ? t('comparison.notYours', { title: previous.title }) : t('comparison.none')}</Note>
        )}
      </ReportSection>

      <ReportSection id="report-exports" title={t('exports.title')} className="report-noprint">
        <Note>{t('exports.help')}</Note>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="report-exports">
          {REPORT_TABLES.map((table) => (
            <li key={table}>
              <a href={csv(table)} download>
                {t(`exports.tables.${table}`)}
              </a>{' '}
              (
              <a href={`${csv(table)}&format=spreadsheet`} download>
                {t('exports.spreadsheet')}
              </a>
              )
            </li>
          ))}
          <li>
            <a href={`/api/events/${slug}/report`}>{t('json')}</a>
          </li>
          <li>
            <a href={`/api/events/${slug}/open-data.zip`} download>
              {t('openData')}
            </a>
          </li>
        </ul>
      </ReportSection>
    </div>
  );
}

const SESSION_COLUMNS = ['registered', 'checkedIn', 'peakOnline', 'averageOnline', 'medianMinutesWatched', 'questions', 'votes', 'messages', 'pollAnswers', 'replayViews'] as const;
const PER_ATTENDEE = new Set<string>(['questions', 'votes', 'messages', 'pollAnswers']);
const COMPARED = ['registered', 'present', 'onsite', 'online', 'sessions', 'questions', 'messages', 'pollAnswers'] as const;

/** How many registrations each kind of source drove (the chart's description). */
function sourceGroups(bySource: { source: string; count: number }[]) {
  const n = { mails: 0, links: 0, direct: 0 };
  for (const x of bySource) n[({ mail: 'mails', link: 'links', direct: 'direct' } as const)[sourceGroup(x.source)]] += x.count;
  return n;
}

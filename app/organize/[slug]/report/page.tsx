import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/report/BarChart';
import { PrintButton } from '@/components/report/PrintButton';
import { ReportForbidden, perAttendee, reportFormats } from '@/components/report/report-view';
import { SplitBar } from '@/components/report/SplitBar';
import '@/components/report/report-print.css';
import { userMay } from '@/db/queries/grants';
import { organizedEvent } from '@/db/queries/organizer';
import { previousEdition } from '@/db/queries/report/previous-edition';
import type { FullEventReport } from '@/lib/domain/report';
import { REPORT_TABLES } from '@/lib/exports/report';
import { currentUser } from '@/server/auth/current';
import { eventReport } from '@/server/report';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('title'), robots: { index: false } };
}

/** The organizer's report of an event (issue 30): the same figures as `GET /api/events/{event}/report`, drawn and tabled. */
export default async function EventReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/organize/${slug}/report`);
  const [t, tOrg, locale, event] = await Promise.all([getTranslations('report'), getTranslations('organize'), getLocale(), organizedEvent(user.id, slug)]);
  if (!event) return <ReportForbidden title={t('title')} message={tOrg('forbidden')} />;
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
      <header className="space-y-2">
        <p className="report-noprint text-sm">
          <Link href={`/organize/${slug}`}>← {tOrg('title')}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t('title')} <span className="block text-base font-normal text-stone-600">{event.title}</span>
        </h1>
        <p className="text-sm text-stone-700">{t('aggregatesOnly')}</p>
        <div className="report-noprint flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <PrintButton label={t('print')} />
          <a href={`/api/events/${slug}/report`} data-testid="report-json">
            {t('json')}
          </a>
          <a href={`/api/events/${slug}/open-data.zip`} download>
            {t('openData')}
          </a>
        </div>
      </header>

      <section aria-labelledby="key-figures" className="space-y-3">
        <h2 id="key-figures" className="text-xl font-bold">
          {t('keyFigures')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="key-figures">
          {(
            [
              ['registered', f.n(r.total), r.total],
              ['present', f.n(r.present), r.present],
              ['noShowRate', f.pct(r.noShowRate), r.noShowRate],
              ['onsite', f.n(r.onsite), r.onsite],
              ['online', f.n(r.online), r.online],
            ] as const
          ).map(([key, text, value]) => (
            <div key={key} className="rounded-lg bg-white p-3">
              <dt className="text-sm text-stone-700">{t(`figures.${key}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-figure={key} data-value={value}>
                {text}
              </dd>
            </div>
          ))}
        </dl>
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
      </section>

      <section aria-labelledby="registrations" className="space-y-3">
        <h2 id="registrations" className="text-xl font-bold">
          {t('registrations.title')}
        </h2>
        {r.byDay.length === 0 && <p className="text-sm text-stone-700">{t('registrations.none')}</p>}
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
        <h3 className="text-lg font-semibold">{t('registrations.byCode')}</h3>
        {r.byCode.length === 0 ? (
          <p className="text-sm text-stone-700">{t('registrations.noCode')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full bg-white text-sm" data-figures="by-code">
              <caption className="sr-only">{t('registrations.byCode')}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-2">
                    {t('registrations.code')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t('registrations.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.byCode.map((c) => (
                  <tr key={c.code} className="border-t border-stone-200">
                    <th scope="row" className="p-2 text-left font-mono font-normal">
                      {c.code}
                    </th>
                    <td className="p-2 text-right tabular-nums" data-value={c.count}>
                      {f.n(c.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-sm text-stone-700">{t('registrations.mailsNote')}</p>
      </section>

      <section aria-labelledby="sessions" className="report-page-break space-y-3">
        <h2 id="sessions" className="text-xl font-bold">
          {t('sessions.title')}
        </h2>
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
        <p className="text-sm text-stone-700">{t('sessions.tableCaption')}</p>
        <div className="overflow-x-auto">
          <table className="w-full bg-white text-sm" data-figures="sessions">
            <caption className="sr-only">{t('sessions.tableTitle')}</caption>
            <thead>
              <tr className="text-left align-bottom">
                <th scope="col" className="p-2">
                  {t('session')}
                </th>
                {SESSION_COLUMNS.map((c) => (
                  <th key={c} scope="col" className="p-2 text-right">
                    {t(`figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s, i) => (
                <tr key={s.id} className="border-t border-stone-200" data-session={s.id}>
                  <th scope="row" className="min-w-48 p-2 text-left font-normal">
                    <span className="tabular-nums">{i + 1}.</span> <Link href={`/organize/${slug}/report/${s.slug}`}>{s.title}</Link>
                    <span className="block text-xs text-stone-600">{f.when(s.startsAt)}</span>
                  </th>
                  {SESSION_COLUMNS.map((c) => {
                    const value = s[c];
                    const ratio = PER_ATTENDEE.has(c) ? perAttendee(value, s) : null;
                    return (
                      <td key={c} className="p-2 text-right tabular-nums" data-col={c} data-value={value}>
                        {c === 'averageOnline' || c === 'medianMinutesWatched' ? f.dec(value) : f.n(value)}
                        {ratio !== null && <span className="block text-xs text-stone-600">{t('perAttendee', { n: f.dec(ratio) })}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-stone-700">{t('sessions.perAttendeeNote')}</p>
      </section>

      <section aria-labelledby="comparison" className="space-y-3">
        <h2 id="comparison" className="text-xl font-bold">
          {t('comparison.title')}
        </h2>
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
          <p className="text-sm text-stone-700" data-testid="no-previous">
            {previous ? t('comparison.notYours', { title: previous.title }) : t('comparison.none')}
          </p>
        )}
      </section>

      <section aria-labelledby="report-exports" className="report-noprint space-y-2">
        <h2 id="report-exports" className="text-xl font-bold">
          {t('exports.title')}
        </h2>
        <p className="text-sm text-stone-700">{t('exports.help')}</p>
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
      </section>
    </div>
  );
}

const SESSION_COLUMNS = ['registered', 'checkedIn', 'peakOnline', 'averageOnline', 'medianMinutesWatched', 'questions', 'votes', 'messages', 'pollAnswers', 'replayViews'] as const;
const PER_ATTENDEE = new Set<string>(['questions', 'votes', 'messages', 'pollAnswers']);
const COMPARED = ['registered', 'present', 'onsite', 'online', 'sessions', 'questions', 'messages', 'pollAnswers'] as const;

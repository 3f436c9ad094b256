import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/report/BarChart';
import { LineChart } from '@/components/report/LineChart';
import { PrintButton } from '@/components/report/PrintButton';
import { KeyFigures, Note, ReportHeader, ReportSection } from '@/components/report/figures';
import { reportFormats } from '@/components/report/report-view';
import '@/components/report/report-print.css';
import { getEventProgramme } from '@/db/queries/events';
import { organizedEvent } from '@/db/queries/organizer';
import { sessionEngagement } from '@/db/queries/report/engagement';
import { ENGAGEMENT_KINDS } from '@/lib/domain/report-engagement';
import { signedInUser } from '@/server/auth/current';
import { sessionReport } from '@/server/report';
import { FeedbackAnswers } from '@/components/report/FeedbackAnswers';
import { Forbidden } from '@/components/Forbidden';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('sessionTitle'), robots: { index: false } };
}

/** One session's report (issue 30): its attendance curve with its moments, engagement timeline, top questions, polls and feedback. */
export default async function SessionReportPage({ params }: { params: Promise<{ slug: string; session: string }> }) {
  const { slug, session: which } = await params;
  const user = await signedInUser(`/organize/${slug}/report/${which}`);
  const [t, tOrg, locale, event] = await Promise.all([getTranslations('report'), getTranslations('organize'), getLocale(), organizedEvent(user.id, slug)]);
  if (!event) return <Forbidden title={t('sessionTitle')} message={tOrg('forbidden')} testId="report-forbidden" />;
  const programme = await getEventProgramme(slug, { drafts: true });
  const found = programme?.sessions.find((s) => s.slug === which || s.id === which);
  if (!found) notFound();
  const [report, engagement] = await Promise.all([
    sessionReport(found.id),
    sessionEngagement({ id: found.id, startsAt: new Date(found.startsAt), endsAt: new Date(found.endsAt) }),
  ]);
  const f = reportFormats(locale, event.timeZone);
  const feedback = report.feedback ?? null;
  const attendance = report.attendance.map((p) => ({ at: p.at, value: p.online }));
  return (
    <div className="space-y-8" data-testid="session-report">
      <ReportHeader back={{ href: `/organize/${slug}/report`, label: t('title') }} title={report.title} subtitle={`${event.title} · ${f.when(report.startsAt)}`} note={t('aggregatesOnly')}>
        <PrintButton label={t('print')} />
        <a href={`/api/sessions/${report.id}/report`}>{t('json')}</a>
      </ReportHeader>

      <ReportSection id="session-figures" title={t('keyFigures')}>
        <KeyFigures
          testId="session-figures"
          columns="sm:grid-cols-4"
          items={(['registered', 'checkedIn', 'onlineViewers', 'peakOnline', 'averageOnline', 'medianMinutesWatched', 'replayViews'] as const).map((key) => ({
            key,
            label: t(`figures.${key}`),
            text: key === 'averageOnline' || key === 'medianMinutesWatched' ? f.dec(report[key]) : f.n(report[key]),
            value: report[key],
          }))}
        />
      </ReportSection>

      <ReportSection id="attendance" title={t('attendance.title')}>
        {attendance.length === 0 ? (
          <Note>{t('attendance.none')}</Note>
        ) : (
          <LineChart
            id="attendance-curve"
            title={t('attendance.chart')}
            description={t('attendance.description', {
              peak: report.peakOnline,
              average: f.dec(report.averageOnline),
              questions: report.markers.filter((m) => m.kind === 'question').length,
              polls: report.markers.filter((m) => m.kind === 'poll').length,
            })}
            timeHead={t('time')}
            valueHead={t('figures.online')}
            points={attendance}
            markers={report.markers}
            markerTag={(kind, n) => t(`attendance.tag.${kind}`, { n })}
            markersTitle={t('attendance.moments')}
            formatTime={f.time}
            format={f.n}
            foldLabel={attendance.length > 24 ? t('showTable') : undefined}
          />
        )}
      </ReportSection>

      <ReportSection id="engagement" title={t('engagement.title')}>
        <BarChart
          id="engagement-chart"
          title={t('engagement.chart')}
          description={t('engagement.description', {
            questions: report.questions,
            votes: report.votes,
            messages: report.messages,
            pollAnswers: report.pollAnswers,
          })}
          categoryHead={t('engagement.from')}
          categories={engagement.map((b) => ({ key: b.from, label: f.time(new Date(b.from)) }))}
          series={ENGAGEMENT_KINDS.map((k) => ({ label: t(`figures.${k}`), values: engagement.map((b) => b[k]) }))}
          format={f.n}
          foldLabel={engagement.length > 12 ? t('showTable') : undefined}
        />
      </ReportSection>

      <ReportSection id="top-questions" title={t('topQuestions.title')}>
        {report.topQuestions.length === 0 ? (
          <Note>{t('topQuestions.none')}</Note>
        ) : (
          <ol className="list-decimal space-y-2 rounded-lg bg-white p-3 pl-8" data-testid="top-questions">
            {report.topQuestions.map((q, i) => (
              <li key={i}>
                <span className="break-words">{q.body}</span>{' '}
                <span className="text-sm whitespace-nowrap text-stone-700">
                  · {t('topQuestions.votes', { count: q.votes })}
                  {q.status === 'answered' && ` · ${t('topQuestions.answered')}`}
                </span>
              </li>
            ))}
          </ol>
        )}
        <Note>{t('topQuestions.note')}</Note>
      </ReportSection>

      <ReportSection id="polls" title={t('polls.title')}>
        {report.polls.length === 0 && <Note>{t('polls.none')}</Note>}
        {report.polls.map((p, i) => {
          const rows = p.results.slice(0, 10);
          return (
            <BarChart
              key={i}
              id={`poll-${i + 1}`}
              title={p.question}
              description={t('polls.description', { total: p.total })}
              categoryHead={t('polls.answer')}
              categories={rows.map((r, k) => ({ key: String(k), label: r.answer, short: r.answer.length > 14 ? String(k + 1) : r.answer }))}
              series={[{ label: t('polls.count'), values: rows.map((r) => r.count) }]}
              format={f.n}
            />
          );
        })}
      </ReportSection>

      <ReportSection id="feedback" title={t('feedback.title')} testId="feedback-slot">
        {feedback && feedback.responses > 0 ? (
          <>
            <p className="text-sm">{t('feedback.summary', { responses: feedback.responses, average: f.dec(feedback.averageRating ?? 0) })}</p>
            <BarChart
              id="feedback-chart"
              title={t('feedback.chart')}
              description={t('feedback.summary', { responses: feedback.responses, average: f.dec(feedback.averageRating ?? 0) })}
              categoryHead={t('feedback.rating')}
              categories={feedback.distribution.map((_, k) => ({ key: String(k + 1), label: t('feedback.stars', { n: k + 1 }), short: f.n(k + 1) }))}
              series={[{ label: t('feedback.responses'), values: feedback.distribution }]}
              format={f.n}
            />
            <FeedbackAnswers answers={report.feedbackAnswers ?? []} />
          </>
        ) : (
          <Note>{t('feedback.none')}</Note>
        )}
      </ReportSection>
    </div>
  );
}

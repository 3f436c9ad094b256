import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge, Timeline } from '@/components/calls/Timeline';
import { formatShortDateTime } from '@/lib/format';
import { ActionForm, type Field } from '@/components/organize/ActionForm';
import { proposalView } from '@/server/calls/get-proposal-view';
import { nextProposalStatus } from '@/lib/domain/calls';
import { formerName, nameWithOrganization } from '@/lib/domain/erased';
import { localDate } from '@/lib/domain/time';
import { currentUser } from '@/server/auth/current';
import { decideAction, reviewAction, scheduleAction, withdrawProposalAction } from '../../../actions';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

export const metadata: Metadata = { robots: { index: true } };

const hm = (d: Date, tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

/**
 * `/calls/{call}/proposals/{id}`: a proposal's public decision trail (open calls: everyone;
 * closed: the proposer and the committee), its private data for the proposer and the committee,
 * and the committee's scores, comments, decision and scheduling forms for the committee only.
 */
export default async function ProposalPage({ params, searchParams }: { params: Promise<{ call: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { call: slug, id } = await params;
  const sp = await searchParams;
  const user = await currentUser();
  const view = await proposalView(id, user);
  if (!view || view.call.slug !== slug) notFound();
  const [t, locale, tPrivacy] = await Promise.all([getTranslations('calls'), getLocale(), getTranslations('privacy')]);
  // A person who erased their account (docs/privacy.md) left their proposal with an empty name.
  const former = tPrivacy('formerParticipant');
  const { call, proposal: p, privateData } = view;
  const tz = call.event.timeZone;
  const notice = sp.sent ? t('sent') : sp.saved ? t('saved') : sp.withdrawn ? t('withdrawn') : sp.confirmed ? t('confirmed') : null;
  const actions = (['review', 'request_changes', 'accept', 'decline'] as const).filter((a) => nextProposalStatus(p.status, a));
  const decisionFields: Field[] = [
    { name: 'action', label: t('action'), type: 'select', options: actions.map((a) => ({ value: a, label: t(`actions.${a}`) })) },
    { name: 'reason', label: t('reason'), type: 'textarea' },
  ];
  const session = view.session;
  const scheduleFields: Field[] = [
    { name: 'title', label: t('fieldTitle'), required: true, defaultValue: p.title },
    { name: 'abstract', label: t('fieldAbstract'), type: 'textarea', required: true, defaultValue: p.abstract },
    { name: 'day', label: t('day'), type: 'date', required: true, defaultValue: session ? localDate(session.day, tz) : '' },
    { name: 'start', label: t('start'), type: 'time', required: true, defaultValue: session ? hm(session.day, tz) : '09:00' },
    { name: 'end', label: t('end'), type: 'time', required: true, defaultValue: session ? hm(session.endsAt, tz) : '10:30' },
    { name: 'room', label: t('room'), type: 'select', options: [{ value: '', label: t('noRoom') }, ...view.rooms.map((r) => ({ value: r.key, label: r.name }))] },
    { name: 'reason', label: t('reason'), type: 'textarea' },
  ];
  const mine = view.reviews?.find((r) => r.userId === user?.id);
  return (
    <article className="space-y-6">
      <header>
        <BackLink href={`/calls/${slug}`}>{call.title}</BackLink>
        <h1 className="text-2xl font-bold">
          {p.title} <StatusBadge status={p.status} overdue={view.isCommittee && p.overdue} />
        </h1>
        <p className="text-sm text-stone-600">
          {t('format')} : {p.format}
          {p.facilitators.length > 0 && ` · ${t('facilitators')} : ${p.facilitators.map((f) => nameWithOrganization(f, former)).join(', ')}`}
        </p>
      </header>
      {notice && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      )}
      <p className="max-w-3xl whitespace-pre-line">{p.abstract}</p>
      {p.sessionUrl && (
        <p>
          <Link href={p.sessionUrl} data-testid="session-link">
            {t('session')}
          </Link>
        </p>
      )}
      <Section headingId="timeline-title" title={t('timeline')} headingClassName="mb-2 text-xl font-bold" id="timeline">
        <Timeline history={p.statusHistory} timeZone={tz} />
      </Section>
      {privateData && (
        <Section headingId="private-title" title={t('private')} headingClassName="text-lg font-semibold" className="rounded-lg border border-stone-300 bg-white p-4" data-testid="private">
          <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t('proposer')}</dt>
            <dd>
              {formerName(privateData.proposerName, former)}
              {privateData.proposerEmail && ` — ${privateData.proposerEmail}`}
            </dd>
            <dt className="font-medium">{t('facilitators')}</dt>
            <dd>
              <ul>
                {privateData.facilitators.map((f) => (
                  <li key={`${f.name}-${f.email}`}>
                    {nameWithOrganization(f, former)}
                    {f.email && ` — ${f.email}`}
                    {!f.confirmed && ` (${t('pendingConfirmation')})`}
                  </li>
                ))}
              </ul>
            </dd>
            {privateData.needs && (
              <>
                <dt className="font-medium">{t('needs')}</dt>
                <dd className="whitespace-pre-line">{privateData.needs}</dd>
              </>
            )}
            {privateData.preferredDays.length > 0 && (
              <>
                <dt className="font-medium">{t('preferredDays')}</dt>
                <dd>{privateData.preferredDays.join(', ')}</dd>
              </>
            )}
            {privateData.answers.some(Boolean) && (
              <>
                <dt className="font-medium">{t('answers')}</dt>
                <dd>
                  <ul>
                    {call.questions.map((q, i) => (
                      <li key={q}>
                        <span className="font-medium">{q}</span> {privateData.answers[i]}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt className="font-medium">{t('revisions')}</dt>
            <dd>
              <ul>
                {privateData.revisions.map((r) => (
                  <li key={r.version}>
                    {t('version', { n: r.version })} · {formatShortDateTime(r.createdAt, locale, tz)} · {r.title}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {view.isProposer && (
            <div className="mt-4 flex flex-wrap items-start gap-4">
              {view.editable && (
                <Link href={`/calls/${slug}/proposals/${id}/edit`} className="rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline">
                  {t('edit')}
                </Link>
              )}
              {nextProposalStatus(p.status, 'withdraw') && <ActionForm action={withdrawProposalAction.bind(null, slug, id)} fields={[]} submit={t('withdraw')} />}
            </div>
          )}
        </Section>
      )}
      {view.isCommittee && (
        <Section headingId="committee-title" title={t('reviews')} headingClassName="text-lg font-semibold" className="space-y-4 rounded-lg bg-amber-50 p-4" id="reviews">
          <p className="text-sm">{t('reviewPrivate')}</p>
          <ul data-testid="reviews">
            {view.reviews!.map((r) => (
              <li key={r.userId}>
                <span className="font-medium">{r.name}</span> {r.score !== null && `· ${r.score}/5`} {r.comment && `— ${r.comment}`}
              </li>
            ))}
          </ul>
          <ActionForm
            action={reviewAction.bind(null, slug, id)}
            fields={[
              { name: 'score', label: t('score'), type: 'number', defaultValue: mine?.score?.toString() ?? '' },
              { name: 'comment', label: t('comment'), type: 'textarea', defaultValue: mine?.comment ?? '' },
            ]}
            submit={t('saveReview')}
          />
          {actions.length > 0 && (
            <div>
              <h3 className="font-semibold">{t('decision')}</h3>
              <ActionForm action={decideAction.bind(null, slug, id)} fields={decisionFields} submit={t('decide')} />
            </div>
          )}
          {p.status === 'accepted' && (
            <div>
              <h3 className="font-semibold">{t('schedule')}</h3>
              <p className="text-sm">{t('scheduleHelp')}</p>
              <ActionForm action={scheduleAction.bind(null, slug, id)} fields={scheduleFields} submit={t('scheduleSubmit')} />
            </div>
          )}
        </Section>
      )}
    </article>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/calls/Timeline';
import { formatShortDateTime } from '@/lib/format';
import { publicCall } from '@/server/calls/get-public-call';
import { publicProposals } from '@/server/calls/list-public-proposals';
import { reviewBoard } from '@/server/calls/get-review-board';
import { PROPOSAL_STATUSES, type PublicProposal } from '@/lib/domain/calls';
import { nameWithOrganization } from '@/lib/domain/erased';
import { currentUser } from '@/server/auth/current';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

type Params = { call: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { call } = await params;
  const c = await publicCall(call);
  return { title: c?.title ?? 'Chemins', alternates: { types: { 'application/atom+xml': `/api/calls/${call}/decisions.atom` } } };
}

/** `/calls/{call}`: the public call page — dates, formats, committee, criteria, counts, who waits, and (open calls) the proposals. */
export default async function CallPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { call: slug } = await params;
  const sp = await searchParams;
  const call = await publicCall(slug);
  if (!call) notFound();
  const [t, locale, user, tPrivacy] = await Promise.all([getTranslations('calls'), getLocale(), currentUser(), getTranslations('privacy')]);
  // A co-facilitator who erased their account (docs/privacy.md) is listed with an empty name.
  const former = tPrivacy('formerParticipant');
  const tz = call.event.timeZone;
  const when = (d: Date) => formatShortDateTime(d, locale, tz);
  const list: PublicProposal[] = call.visibility === 'open' ? await publicProposals(slug) : [];
  const board = user ? await reviewBoard(user, slug) : null;
  return (
    <article className="space-y-6">
      <header>
        <BackLink href={`/events/${call.event.slug}`}>{call.event.title}</BackLink>
        <h1 className="text-2xl font-bold">{call.title}</h1>
        <p className="text-sm text-stone-600">
          {t(`phase.${call.phase}`)} · {t('dates', { opens: when(call.opensAt), closes: when(call.closesAt) })}
        </p>
      </header>
      {sp.saved && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t('saved')}
        </p>
      )}
      {call.description && <p className="max-w-3xl whitespace-pre-line">{call.description}</p>}
      <p className="rounded bg-white p-3 font-medium" data-testid="answer-by">
        {t('answerBy', { date: when(call.answerBy) })}
      </p>
      <p>{call.visibility === 'open' ? t('visibilityOpen') : t('visibilityClosed')}</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('formats')}</dt>
        <dd>
          {call.formats.join(' · ')} — {t('slots', { count: call.slots })}
        </dd>
        <dt className="font-semibold">{t('committee')}</dt>
        <dd data-testid="committee">
          {call.committee.name}
          {call.committee.members.length > 0 && ` : ${call.committee.members.join(', ')}`}
          <br />
          <span className="text-sm text-stone-600">{call.committee.namedDecisions ? t('signedByMembers') : t('signedBy', { by: call.committee.name })}</span>
        </dd>
        {call.criteria && (
          <>
            <dt className="font-semibold">{t('criteria')}</dt>
            <dd className="whitespace-pre-line">{call.criteria}</dd>
          </>
        )}
        {call.questions.length > 0 && (
          <>
            <dt className="font-semibold">{t('questions')}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {call.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="counts-title" className="rounded-lg bg-white p-4">
        <h2 id="counts-title" className="text-lg font-semibold">
          {t('counts')} — {t('total', { count: call.total })}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="status-counts">
          {PROPOSAL_STATUSES.filter((s) => call.counts[s] > 0).map((s) => (
            <li key={s} data-status={s}>
              {t(`status.${s}`)} : <span className="tabular-nums">{call.counts[s]}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2" data-testid="waiting">
          {t('waiting', { count: call.waiting.count, days: call.waiting.oldestDays })}
          {call.overdue > 0 && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm text-amber-900">{t('overdueCount', { count: call.overdue })}</span>}
        </p>
      </section>
      <p className="flex flex-wrap gap-4">
        {call.phase === 'open' &&
          (user ? (
            <Link href={`/calls/${slug}/propose`} className="rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline">
              {t('propose')}
            </Link>
          ) : (
            <Link href={`/signin?callbackUrl=/calls/${slug}/propose`}>{t('signInToPropose')}</Link>
          ))}
        {board && <Link href={`/calls/${slug}/review`}>{t('reviewLink')}</Link>}
        {call.visibility === 'open' && <a href={`/api/calls/${slug}/decisions.atom`}>{t('feed')}</a>}
      </p>
      <Section headingId="proposals-title" title={t('proposals')} headingClassName="text-xl font-bold">
        {call.visibility !== 'open' ? (
          <p>{t('closedList')}</p>
        ) : list.length === 0 ? (
          <p>{t('noProposals')}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="proposals">
            {list.map((p) => (
              <li key={p.id} className="rounded bg-white p-3">
                <p className="font-semibold">
                  <Link href={`/calls/${slug}/proposals/${p.id}`}>{p.title}</Link> <StatusBadge status={p.status} overdue={p.overdue} />
                </p>
                <p className="text-sm text-stone-600">
                  {p.format}
                  {p.facilitators.length > 0 && ` · ${p.facilitators.map((f) => nameWithOrganization(f, former)).join(', ')}`}
                </p>
                {p.statusHistory.at(-1)?.reason && <p className="text-sm">{p.statusHistory.at(-1)!.reason}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}

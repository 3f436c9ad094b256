import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatShortDateTime } from '@/lib/format';
import { attendees, organizedEvent, sessionCounts } from '@/db/queries/organizer';
import { HybridSeats } from '@/components/seats/HybridSeats';
import { signedInUser } from '@/server/auth/current';
import { ActionForm } from '@/components/organize/ActionForm';
import { getEventProgramme } from '@/db/queries/events';
import { SavedNotice } from '@/components/organize/SavedNotice';
import { generateCodeAction, saveQuestionAction, saveRoomAction, saveTrackAction, updateEventAction } from './programme-actions';
import { formerName } from '@/lib/domain/erased';
import { localDate } from '@/lib/domain/time';
import { listInvitationCodes } from '@/db/queries/programme-admin';
import { organizerCalls } from '@/server/calls/list-organizer-calls';
import { OPEN_DATA_LICENCES } from '@/lib/domain/open-data';
import { reportEvent } from '@/db/queries/report';
import { openDataLicenceAction } from './report-actions';
import { Forbidden } from '@/components/Forbidden';
import { Section } from '@/components/Section';
import { Fragment } from 'react';
import { ListTable } from '@/components/ListTable';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('organize'), robots: { index: false } };
}

export default async function OrganizePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await signedInUser(`/organize/${slug}`);
  const [t, locale, tNav, tReportPage] = await Promise.all([getTranslations('organize'), getLocale(), getTranslations('nav'), getTranslations('report')]);
  if (!(await organizedEvent(user.id, slug))) {
    return <Forbidden title={t('title')} message={t('forbidden')} />;
  }
  const [{ event, sessions }, { attendees: people, questions }] = await Promise.all([sessionCounts(user.id, slug), attendees(user.id, slug)]);
  const tz = event.timeZone;
  const [tEdit, tEvent, programme, tPrivacy, codes, tCalls, callList, tCheckin, tSetup] = await Promise.all([
    getTranslations('edit'),
    getTranslations('event'),
    getEventProgramme(slug, { drafts: true }),
    getTranslations('privacy'),
    listInvitationCodes(user.id, slug),
    getTranslations('calls'),
    organizerCalls(user.id, slug),
    getTranslations('checkin'),
    getTranslations('setup'),
  ]);
  const [tReport, reportOf] = await Promise.all([getTranslations('reportData'), reportEvent({ slug })]);
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href={`/events/${slug}`}>← {event.title}</Link> · <Link href={`/organize/${slug}/badges`}>{tNav('badgesOfEvent')}</Link> ·{' '}
          <Link href={`/organize/${slug}/report`} data-testid="open-report">
            {tReportPage('link')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t('title')} — {event.title}
        </h1>
      </header>
      <nav aria-label={t('sections')} className="sticky top-0 z-10 -mx-4 bg-stone-50/95 px-4 py-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {(
            [
              ['overview', t('overview')],
              ['check-in', t('checkIn')],
              ['attendees', t('attendees', { count: people.length })],
              ['programme', tEdit('programme')],
              ['calls', tCalls('organize')],
              ['exports', t('exports')],
            ] as const
          ).map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sp.saved && (
        <div>
          <SavedNotice>{tEdit('saved')}</SavedNotice>
          {/^[a-z-]+$/.test(sp.saved) && (
            <p className="mt-1 text-sm">
              <a href={`#${sp.saved}`}>{tSetup('savedBack')}</a>
            </p>
          )}
        </div>
      )}
      <Section headingId="overview-title" title={t('overview')} headingClassName="text-xl font-bold" id="overview" className="scroll-mt-12">
        <h3 id="counts" className="mt-2 mb-2 text-lg font-semibold">
          {t('counts')}
        </h3>
        <ListTable head={[{ label: t('session') }, { label: t('confirmed'), numeric: true }, { label: t('waiting'), numeric: true }, { label: t('capacity'), numeric: true }]} testId="session-counts">
          {sessions.map((s) => (
            <tr key={s.id} className="border-t border-stone-200" data-session-slug={s.slug}>
              <td className="p-2">
                <span className="whitespace-nowrap tabular-nums">{formatShortDateTime(s.startsAt, locale, tz)}</span> · {s.title}
                <HybridSeats session={s} counts={s} waiting />
              </td>
              <td className="p-2 text-right tabular-nums" data-col="confirmed">{s.confirmed}</td>
              <td className="p-2 text-right tabular-nums" data-col="waiting">{s.waitlisted}</td>
              <td className="p-2 text-right tabular-nums">{s.capacity ?? t('unlimited')}</td>
            </tr>
          ))}
        </ListTable>
      </Section>
      <Section headingId="check-in-title" title={t('checkIn')} headingClassName="text-lg font-semibold" id="check-in" className="scroll-mt-12 rounded-lg bg-white p-4">
        <p className="text-sm text-stone-600">{tCheckin('intro')}</p>
        <p className="mt-2">
          <Link href={`/organize/${slug}/checkin`} className="inline-block rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline" data-testid="open-checkin">
            {tCheckin('open')}
          </Link>
        </p>
      </Section>
      <section aria-labelledby="attendees-title" id="attendees" className="scroll-mt-12">
        <div className="mb-2 flex flex-wrap items-center gap-4">
          <h2 id="attendees-title" className="text-xl font-bold">
            {t('attendees', { count: people.length })}
          </h2>
          <a href={`/api/events/${slug}/registrations.csv`} download>
            {t('csv')}
          </a>
          <a href={`/api/events/${slug}/registrations.csv?format=spreadsheet`} download>
            {tSetup('csvSpreadsheet')}
          </a>
        </div>
        <ListTable head={[{ label: t('name') }, { label: t('email') }, { label: t('sessions') }, { label: t('answers') }, { label: t('checkedIn') }]}>
          {people.map((p) => (
            <tr key={p.id} className="border-t border-stone-200">
              <td className="p-2">{formerName(p.name, tPrivacy('formerParticipant'))}</td>
              <td className="p-2">{p.email}</td>
              <td className="p-2">
                {p.seats.map((seat) => `${seat.title} (${t(`seatStatus.${seat.status}`)})`).join(', ')}
              </td>
              <td className="p-2">
                {Object.entries(p.answers)
                  .map(([k, v]) => `${questions.find((q) => q.key === k)?.label ?? k} ${Array.isArray(v) ? v.join(', ') : v === true ? '✓' : v === false ? '✗' : v}`)
                  .join(' · ')}
              </td>
              <td className="p-2 whitespace-nowrap">{p.checkedInAt ? formatShortDateTime(p.checkedInAt, locale, tz) : ''}</td>
            </tr>
          ))}
        </ListTable>
      </section>
      <section aria-labelledby="programme-title" id="programme" className="scroll-mt-12 space-y-8">
        <div>
        <div className="mb-2 flex flex-wrap items-center gap-4">
          <h2 id="programme-title" className="text-xl font-bold">
            {tEdit('programme')}
          </h2>
          <Link href={`/organize/${slug}/sessions/new`}>{tEdit('newSession')}</Link>
        </div>
        {programme!.sessions.some((s) => s.draft) && <p className="mb-2 text-sm text-stone-600">{tSetup('draftsHelp')}</p>}
        <ul className="divide-y divide-stone-200 rounded bg-white text-sm" data-testid="organizer-programme">
          {programme!.sessions.map((s) => (
            <li key={s.id} className="flex gap-3 p-2">
              <span className="w-32 shrink-0 tabular-nums">{formatShortDateTime(s.startsAt, locale, tz)}</span>
              <span className="min-w-0 flex-1 break-words">
                {s.title}
                {s.draft && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{tSetup('draft')}</span>}
              </span>
              <Link href={`/organize/${slug}/sessions/${s.id}`}>{tEdit('edit')}</Link>
            </li>
          ))}
        </ul>
        </div>
      <div id="rooms" className="grid scroll-mt-12 gap-6 sm:grid-cols-2">
        <div>
          <h2 id="rooms-title" className="text-lg font-semibold">
            {tEdit('rooms')}
          </h2>
          <ul className="mb-2 text-sm">
            {programme!.rooms.map((r) => (
              <li key={r.key}>
                {r.name} ({r.kind === 'online' ? tEdit('online') : tEdit('physical')})
              </li>
            ))}
          </ul>
          <ActionForm
            action={saveRoomAction.bind(null, slug)}
            submit={tEdit('add')}
            fields={[
              { name: 'key', label: tEdit('key'), hint: tSetup('roomKeyHint') },
              { name: 'name', label: tEdit('room') },
              { name: 'kind', label: tEdit('roomKind'), type: 'select', options: [{ value: 'physical', label: tEdit('physical') }, { value: 'online', label: tEdit('online') }] },
              { name: 'capacity', label: tEdit('capacity'), type: 'number' },
            ]}
          />
        </div>
        <div>
          <h2 className="text-lg font-semibold">{tEdit('tracks')}</h2>
          <ul className="mb-2 text-sm">
            {programme!.tracks.map((r) => (
              <li key={r.key}>{r.name}</li>
            ))}
          </ul>
          <ActionForm
            action={saveTrackAction.bind(null, slug)}
            submit={tEdit('add')}
            fields={[
              { name: 'key', label: tEdit('key'), hint: tSetup('trackKeyHint') },
              { name: 'name', label: tEdit('track') },
            ]}
          />
        </div>
      </div>
      <details id="event" className="scroll-mt-12 rounded-lg bg-white p-4">
        <summary className="cursor-pointer text-lg font-semibold">{tEdit('eventDetails')}</summary>
        <ActionForm
          action={updateEventAction.bind(null, slug)}
          submit={tEdit('save')}
          className="mt-3 grid max-w-xl gap-3"
          fields={[
            { name: 'slug', label: tEdit('slug'), defaultValue: event.slug },
            { name: 'title', label: tEdit('eventTitle'), defaultValue: event.title },
            { name: 'location', label: tEdit('location'), defaultValue: event.location ?? '' },
            { name: 'timeZone', label: tEdit('timeZone'), defaultValue: event.timeZone },
            { name: 'firstDay', label: tEdit('firstDay'), type: 'date', defaultValue: localDate(event.startsAt, tz) },
            { name: 'lastDay', label: tEdit('lastDay'), type: 'date', defaultValue: localDate(event.endsAt, tz) },
            { name: 'description', label: tEdit('description'), type: 'textarea', defaultValue: event.description },
          ]}
        />
      </details>
      <div id="codes" className="scroll-mt-12">
        <h3 className="text-lg font-semibold">{tEdit('codes')}</h3>
        <ul className="mb-2 text-sm" data-testid="invitation-codes">
          {codes.map((c) => (
            <li key={c.code}>
              <code className="rounded bg-stone-100 px-1 font-mono">{c.code}</code> — {c.session ?? tEdit('allInvitation')} · {c.uses}
              {c.maxUses !== null ? `/${c.maxUses}` : ''} {tEdit('uses')}
            </li>
          ))}
        </ul>
        <ActionForm
          action={generateCodeAction.bind(null, slug)}
          submit={tEdit('generate')}
          className="grid max-w-xl gap-3"
          fields={[
            {
              name: 'sessionId',
              label: tEdit('codeSession'),
              type: 'select',
              options: [{ value: '', label: tEdit('allInvitation') }, ...programme!.sessions.filter((s) => s.visibility === 'invitation').map((s) => ({ value: s.id, label: s.title }))],
            },
            { name: 'maxUses', label: tEdit('maxUses'), type: 'number', defaultValue: '1' },
          ]}
        />
      </div>
      <div id="questions" className="scroll-mt-12">
        <h3 className="text-lg font-semibold">{tEdit('questions')}</h3>
        <ul className="mb-2 text-sm" data-testid="questions">
          {questions.map((q) => (
            <li key={q.key}>
              {q.label} — {tEdit(`kinds.${q.kind}`)}
              {q.options.length ? ` (${q.options.join(', ')})` : ''}
              {q.required ? ' *' : ''}
            </li>
          ))}
        </ul>
        <ActionForm
          action={saveQuestionAction.bind(null, slug)}
          submit={tEdit('add')}
          className="grid max-w-xl gap-3"
          fields={[
            { name: 'key', label: tEdit('key'), hint: tSetup('questionKeyHint') },
            { name: 'label', label: tEdit('question') },
            { name: 'kind', label: tEdit('questionKind'), type: 'select', options: (['text', 'single', 'multiple', 'yesno'] as const).map((k) => ({ value: k, label: tEdit(`kinds.${k}`) })) },
            { name: 'options', label: tEdit('options'), type: 'textarea' },
            { name: 'required', label: tEdit('required'), type: 'checkbox' },
          ]}
        />
      </div>
      </section>
      <section aria-labelledby="calls-title" id="calls" className="scroll-mt-12">
        <div className="mb-2 flex flex-wrap items-center gap-4">
          <h2 id="calls-title" className="text-xl font-bold">
            {tCalls('organize')}
          </h2>
          <Link href={`/organize/${slug}/calls/new`}>{tCalls('newCall')}</Link>
        </div>
        <ul className="space-y-1" data-testid="organizer-calls">
          {(callList ?? []).map((c) => (
            <li key={c.slug}>
              <Link href={`/calls/${c.slug}`}>{c.title}</Link> · <Link href={`/organize/${slug}/calls/${c.slug}`}>{tCalls('editCall')}</Link> ·{' '}
              <Link href={`/calls/${c.slug}/review`}>{tCalls('reviewLink')}</Link>
            </li>
          ))}
        </ul>
      </section>
      <Section headingId="exports-title" title={t('exports')} headingClassName="text-xl font-bold" id="exports" className="scroll-mt-12">
        <p className="text-sm text-stone-600">{t('exportsHelp')}</p>
        <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {[
            { path: 'registrations.csv', label: t('csv'), help: t('csvHelp'), download: true },
            { path: 'registrations.csv?format=spreadsheet', label: tSetup('csvSpreadsheet'), help: tSetup('csvSpreadsheetHelp'), download: true },
            { path: 'calendar.ics', label: 'iCalendar (.ics)', help: tEvent('icsHelp') },
            { path: 'schedule.xml', label: 'schedule.xml', help: tEvent('xmlHelp') },
            { path: 'schedule.json', label: 'schedule.json', help: tEvent('jsonHelp') },
            { path: 'report.csv', label: tReport('csvLink'), help: tReport('csvHelp'), download: true },
            { path: 'open-data.zip', label: tReport('openData.link'), help: tReport('openData.help'), download: true },
          ].map((e) => (
            <Fragment key={e.path}>
              <dt>
                <a href={`/api/events/${slug}/${e.path}`} download={e.download}>
                  {e.label}
                </a>
              </dt>
              <dd className="text-stone-700">{e.help}</dd>
            </Fragment>
          ))}
        </dl>
        <ActionForm
          action={openDataLicenceAction.bind(null, slug)}
          submit={tReport('openData.save')}
          className="mt-3 grid max-w-xl gap-3"
          fields={[
            {
              name: 'licence',
              label: tReport('openData.licence'),
              type: 'select',
              options: OPEN_DATA_LICENCES.map((l) => ({ value: l.id, label: l.title })),
              defaultValue: reportOf?.openDataLicence,
            },
          ]}
        />
        <h3 className="mt-4 text-lg font-semibold">{t('qaExports')}</h3>
        <ul className="mt-1 divide-y divide-stone-200 rounded bg-white text-sm" data-testid="qa-exports">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-2">
              <span className="min-w-0 flex-1 break-words">{s.title}</span>
              <a href={`/api/sessions/${s.id}/qa.csv`}>{t('qaCsv')}</a>
              <a href={`/api/sessions/${s.id}/qa.md`}>{t('qaMd')}</a>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

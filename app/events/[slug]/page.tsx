import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OptionSelect } from '@/components/OptionSelect';
import { formatDay, formatTime } from '@/lib/format';
import { LocalTime, LocalZone } from '@/components/LocalTime';
import { localTimeTemplate } from '@/components/local-time-template';
import { SessionBadges } from '@/components/SessionBadges';
import { ProposedBy } from '@/components/calls/ProposedBy';
import { Contributors } from '@/components/people/Contributors';
import { callsOfEvent } from '@/server/calls/list-event-calls';
import { proposalsOfSessions } from '@/server/calls/list-session-proposals';
import { getEventProgramme } from '@/db/queries/events';
import { organizedEvent } from '@/db/queries/organizer';
import { mySeats } from '@/db/queries/my-registrations';
import { NO_SEATS, seatCounts } from '@/db/queries/registrations';
import { HybridSeats } from '@/components/seats/HybridSeats';
import { type SessionSeats, seatsByMode } from '@/lib/domain/seats';
import { currentParticipant } from '@/server/auth/current';
import { formerNames } from '@/lib/domain/erased';
import { localDate } from '@/lib/domain/time';
import { KeepSource } from '@/components/RegistrationSource';
import { BackLink } from '@/components/BackLink';

type Params = { slug: string };
type Search = { track?: string; kind?: string; room?: string; mode?: string; format?: string; programme?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const programme = await getEventProgramme((await params).slug);
  return { title: programme?.event.title ?? 'Chemins' };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function EventPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const filters: Search = {
    track: one(sp.track),
    kind: one(sp.kind),
    room: one(sp.room),
    mode: one(sp.mode),
    format: one(sp.format),
    programme: one(sp.programme),
  };
  const programme = await getEventProgramme(slug);
  if (!programme) notFound();
  const [locale, t, tKind, tMode, tFormat, tReg, counts, tCalls, callList, proposed, tPrivacy] = await Promise.all([
    getLocale(),
    getTranslations('event'),
    getTranslations('kind'),
    getTranslations('mode'),
    getTranslations('format'),
    getTranslations('register'),
    seatCounts(programme.event.id),
    getTranslations('calls'),
    callsOfEvent(slug),
    proposalsOfSessions(programme.sessions.map((s) => s.id)),
    getTranslations('privacy'),
  ]);
  const [localTime, localZone] = await Promise.all([localTimeTemplate('localTimeShort'), localTimeTemplate('localZone')]);
  const participant = await currentParticipant();
  const organizer = participant?.kind === 'user' ? Boolean(await organizedEvent(participant.userId, slug)) : false;
  const seats = await mySeats(participant, programme.event.id);
  const registered = participant?.kind === 'registration' ? participant.eventId === programme.event.id : seats.size > 0;
  const tOrg = await getTranslations('organize');
  const tNav = await getTranslations('nav');
  // Full when every mode is (a hybrid session's chairs and online seats both).
  const isFull = (s: SessionSeats & { id: string }) => seatsByMode(s, counts.get(s.id) ?? NO_SEATS).every((m) => m.full);
  const { event } = programme;
  const tz = event.timeZone;
  const sessions = programme.sessions.filter(
    (s) =>
      (!filters.track || s.track?.key === filters.track) &&
      (!filters.kind || s.kind === filters.kind) &&
      (!filters.room || s.room?.key === filters.room) &&
      (!filters.mode || s.mode === filters.mode) &&
      (!filters.format || s.format === filters.format) &&
      (!filters.programme || s.programme?.key === filters.programme),
  );
  // The event's days, plus any day a session was put on outside them.
  const labels = new Map(programme.days.map((d) => [d.date, d.label]));
  const days = [...new Set([...labels.keys(), ...programme.sessions.map((s) => localDate(s.startsAt, tz))])]
    .sort()
    .map((date) => ({ date, label: labels.get(date) ?? null }));
  const kinds = [...new Set(programme.sessions.map((s) => s.kind))];
  const formats = [...new Set(programme.sessions.flatMap((s) => (s.format ? [s.format] : [])))];
  const programmes = [...new Map(programme.sessions.flatMap((s) => (s.programme ? [[s.programme.key, s.programme] as const] : []))).values()];
  const orgRoles = (['organizer', 'supporter', 'partner'] as const).map((role) => ({ role, list: programme.organizations.filter((o) => o.role === role) }));
  const filtered = Object.values(filters).some(Boolean);
  const select = (name: keyof Search, label: string, options: { value: string; label: string }[]) => (
    <OptionSelect name={name} label={label} emptyLabel={t('all')} value={filters[name]} options={options} />
  );

  return (
    <article>
      <KeepSource event={event.slug} />
      <BackLink href="/">{t('back')}</BackLink>
      <h1 className="mt-2 text-2xl font-bold">{event.title}</h1>
      {event.location && <p className="text-stone-600">{event.location}</p>}
      <p className="mt-3 max-w-3xl whitespace-pre-line">{event.description}</p>
      {registered ? (
        <p className="mt-4 flex flex-wrap items-center gap-3" data-testid="registered">
          <Link href="/r" className="inline-block rounded bg-green-50 px-4 py-2 font-medium text-green-900 no-underline">
            {tReg('registeredEvent')}
          </Link>
          {event.endsAt > new Date() && <Link href={`/events/${event.slug}/register`}>{tReg('addSessions')}</Link>}
        </p>
      ) : (
        event.endsAt > new Date() && (
          <p className="mt-4">
            <Link href={`/events/${event.slug}/register`} className="inline-block rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline">
              {tReg('ctaEvent')}
            </Link>
          </p>
        )
      )}
      {callList && callList.length > 0 && (
        <p className="mt-3 text-sm" data-testid="event-calls">
          {tCalls('eventCalls')} :{' '}
          {callList.map((c, i) => (
            <span key={c.slug}>
              {i > 0 && ' · '}
              <Link href={`/calls/${c.slug}`}>{c.title}</Link> ({tCalls(`phase.${c.phase}`)})
            </span>
          ))}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-start gap-4 text-sm">
        <details className="max-w-full" data-testid="export-menu">
          <summary className="cursor-pointer text-brand underline">{t('exportMenu')}</summary>
          <dl className="mt-2 max-w-xl space-y-2 rounded bg-white p-3">
            {(
              [
                ['calendar.ics', 'iCalendar (.ics)', t('icsHelp')],
                ['schedule.xml', 'schedule.xml', t('xmlHelp')],
                ['schedule.json', 'schedule.json', t('jsonHelp')],
              ] as const
            ).map(([file, label, help]) => (
              <div key={file}>
                <dt>
                  <a href={`/api/events/${event.slug}/${file}`}>{label}</a>
                </dt>
                <dd className="text-stone-700">{help}</dd>
              </div>
            ))}
          </dl>
        </details>
        <Link href={`/events/${event.slug}/badges`}>{tNav('badgesOfEvent')}</Link>
        {organizer && <Link href={`/organize/${event.slug}`}>{tOrg('link')}</Link>}
      </div>

      {(programme.organizations.length > 0 || programme.credits.length > 0) && (
        <section className="mt-6 max-w-3xl text-sm" aria-labelledby="event-organizations" data-testid="event-organizations">
          <h2 id="event-organizations" className="text-lg font-semibold">
            {t('organizations')}
          </h2>
          <dl className="mt-1 space-y-1">
            {orgRoles
              .filter((g) => g.list.length > 0)
              .map((g) => (
                <div key={g.role}>
                  <dt className="inline font-medium">{t(`orgRole.${g.role}`)} — </dt>
                  <dd className="inline">
                    {g.list.map((o, i) => (
                      <span key={o.key}>
                        {i > 0 && ' / '}
                        <Link href={`/organizations/${o.key}`}>{o.name}</Link>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            {programme.credits.map((c) => (
              <div key={`${c.role}:${c.key}`}>
                <dt className="inline font-medium">{t(`orgRole.${c.role as 'graphic_facilitation'}`)} — </dt>
                <dd className="inline">{c.key ? <Link href={`/people/${c.key}`}>{c.name}</Link> : c.name}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <h2 className="mt-8 text-xl font-bold">{t('programme')}</h2>
      <p className="text-sm text-stone-600" data-testid="time-zone">
        {t('timeZone', { tz })}
        <LocalZone at={event.startsAt} timeZone={tz} locale={locale} template={localZone} />
      </p>
      {/* Keyed by the filters: after a client-side navigation (reset, back) the selects show the URL's filters, not the last choice. */}
      <form key={JSON.stringify(filters)} method="get" className="mt-3 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3" aria-label={t('filters')}>
        {programme.tracks.length > 0 && select('track', t('filterTrack'), programme.tracks.map((x) => ({ value: x.key, label: x.name })))}
        {select('kind', t('filterKind'), kinds.map((k) => ({ value: k, label: tKind(k) })))}
        {programme.rooms.length > 0 && select('room', t('filterRoom'), programme.rooms.map((x) => ({ value: x.key, label: x.name })))}
        {select('mode', t('filterMode'), (['onsite', 'online', 'hybrid'] as const).map((m) => ({ value: m, label: tMode(m) })))}
        {formats.length > 0 && select('format', t('filterFormat'), formats.map((f) => ({ value: f, label: tFormat(f as 'standing') })))}
        {programmes.length > 0 && select('programme', t('filterProgramme'), programmes.map((o) => ({ value: o.key, label: o.name })))}
        <button type="submit" className="rounded bg-brand px-3 py-1.5 text-sm text-white">
          {t('apply')}
        </button>
        {filtered && <Link href={`/events/${event.slug}`} className="text-sm">{t('reset')}</Link>}
      </form>

      {days.map((day) => {
        const daySessions = sessions.filter((s) => localDate(s.startsAt, tz) === day.date);
        return (
          <section key={day.date} className="mt-6" aria-labelledby={`day-${day.date}`}>
            <h3 id={`day-${day.date}`} className="border-b border-stone-300 pb-1 text-lg font-semibold first-letter:uppercase">
              {day.label ?? formatDay(day.date, locale, tz)}
            </h3>
            {daySessions.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t('noSessions')}</p>
            ) : (
              <ol className="mt-2 divide-y divide-stone-200" data-testid="programme">
                {daySessions.map((s) => (
                  <li key={s.id} className="flex gap-4 py-3" data-session-slug={s.slug}>
                    <div className="w-20 shrink-0 text-sm tabular-nums text-stone-700 sm:w-36">
                      <span className="whitespace-nowrap">{formatTime(s.startsAt, locale, tz)}–</span>{' '}
                      <span className="whitespace-nowrap">{formatTime(s.endsAt, locale, tz)}</span>
                      <LocalTime start={s.startsAt} end={s.endsAt} timeZone={tz} locale={locale} template={localTime} className="mt-1 block text-xs break-words text-stone-600" />
                    </div>
                    <div className="min-w-0">
                      <p className="text-xs uppercase tracking-wide text-stone-500">
                        {s.format ? tFormat(s.format as 'standing') : tKind(s.kind)} · {tMode(s.mode)}
                        {s.room ? ` · ${s.room.name}` : ''}
                        {s.track ? ` · ${s.track.name}` : ''}
                      </p>
                      {s.programme && (
                        <p className="text-xs text-stone-600" data-testid="programme-by">
                          <Link href={`/organizations/${s.programme.key}`} className="link-target">{t('programmeBy', { name: s.programme.name })}</Link>
                        </p>
                      )}
                      <h4 className={`font-semibold ${s.status === 'cancelled' ? 'line-through' : ''}`}>
                        <Link href={`/events/${event.slug}/sessions/${s.slug}`}>{s.title}</Link>{' '}
                        <SessionBadges session={s} full={isFull(s)} />
                        {seats.has(s.id) && (
                          <span className="ml-1 rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-900" data-testid="my-seat" data-seat={seats.get(s.id)!.status}>
                            {tReg('registered')}
                            {seats.get(s.id)!.status === 'waitlisted' && ` (${tReg('myPlace', { status: 'waitlisted', position: seats.get(s.id)!.position ?? 1 })})`}
                          </span>
                        )}
                      </h4>
                      <Contributors session={s} />
                      <HybridSeats session={s} counts={counts.get(s.id) ?? NO_SEATS} />
                      {s.scheduleNote && <p className="text-xs text-amber-800" data-testid="schedule-note">{t('scheduleNote', { note: s.scheduleNote })}</p>}
                      {proposed.get(s.id) && <ProposedBy proposal={proposed.get(s.id)!} label={tCalls('proposedBy', { names: formerNames(proposed.get(s.id)!.by, tPrivacy('formerParticipant')) })} />}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </article>
  );
}

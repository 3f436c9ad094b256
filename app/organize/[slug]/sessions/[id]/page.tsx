import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm, type Field } from '@/components/organize/ActionForm';
import { getEventProgramme, getSessionById } from '@/db/queries/events';
import { organizedEvent } from '@/db/queries/organizer';
import { DIFFUSION_MODES, type DiffusionMode, diffusionModeOf } from '@/lib/domain/diffusion';
import { localDate, localTime } from '@/lib/domain/time';
import { INTERPRETATION_LANGS, languageName } from '@/lib/domain/interpretation';
import { signedInUser } from '@/server/auth/current';
import { grantSessionRoleAction, revokeSessionRoleAction, saveSessionAction } from '../../programme-actions';
import { SESSION_GRANT_ROLES, sessionGrants } from '@/db/queries/roles';
import { SavedNotice } from '@/components/organize/SavedNotice';
import { SessionPathsForm } from '@/components/paths/SessionPathsForm';
import { QaReportButton } from '@/components/paths/QaReportButton';
import { listPaths } from '@/server/paths/list-paths';
import { pathsOfSession } from '@/server/paths/list-session-paths';
import { linkSessionPathsAction, qaToReportAction } from '@/app/resources/actions';
import { BackLink } from '@/components/BackLink';


/** Create (`/sessions/new`) or edit a session of the programme. */
export default async function SessionEditPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug, id } = await params;
  const sp = await searchParams;
  const user = await signedInUser(`/organize/${slug}/sessions/${id}`);
  if (!(await organizedEvent(user.id, slug))) notFound();
  const programme = (await getEventProgramme(slug, { drafts: true }))!;
  const existing = id === 'new' ? null : programme.sessions.find((s) => s.id === id);
  if (id !== 'new' && !existing) notFound();
  const [t, tSetup, tKind, tMode, settings] = await Promise.all([
    getTranslations('edit'),
    getTranslations('setup'),
    getTranslations('kind'),
    getTranslations('mode'),
    existing ? getSessionById(existing.id, { drafts: true }) : null,
  ]);
  const guestsWrite = settings?.guestsWrite ?? false;
  const [tRoomQr, tDiffusion] = await Promise.all([getTranslations('roomQr'), getTranslations('diffusion')]);
  const diffusion = diffusionModeOf(settings?.diffusionAbove ?? null);
  const tz = programme.event.timeZone;
  const opt = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
  const fields: Field[] = [
    { name: 'title', label: t('title'), required: true, defaultValue: existing?.title },
    { name: 'slug', label: t('slug'), hint: tSetup('slugHint'), defaultValue: existing?.slug },
    { name: 'kind', label: t('kind'), type: 'select', options: opt(['plenary', 'session', 'workshop', 'round_table', 'short_talk', 'side_event', 'social'], (v) => tKind(v as 'plenary')), defaultValue: existing?.kind ?? 'workshop' },
    { name: 'publication', label: tSetup('publication'), hint: tSetup('publicationHint'), type: 'select', options: opt(['draft', 'published'], (v) => tSetup(`publicationOptions.${v}`)), defaultValue: existing?.draft ? 'draft' : 'published' },
    { name: 'status', label: t('status'), type: 'select', options: opt(['confirmed', 'tentative', 'cancelled'], (v) => t(`statuses.${v}`)), defaultValue: existing?.status },
    { name: 'visibility', label: t('visibility'), type: 'select', options: opt(['public', 'invitation'], (v) => t(`visibilities.${v}`)), defaultValue: existing?.visibility },
    { name: 'mode', label: t('mode'), type: 'select', options: opt(['onsite', 'online', 'hybrid'], (v) => tMode(v as 'onsite')), defaultValue: existing?.mode },
    { name: 'day', label: t('day'), type: 'date', required: true, defaultValue: existing ? localDate(existing.startsAt, tz) : programme.days[0]?.date },
    { name: 'start', label: t('start'), type: 'time', required: true, defaultValue: existing ? localTime(existing.startsAt, tz) : '09:00' },
    { name: 'end', label: t('end'), type: 'time', required: true, defaultValue: existing ? localTime(existing.endsAt, tz) : '10:00' },
    { name: 'room', label: t('room'), type: 'select', options: [{ value: '', label: t('none') }, ...programme.rooms.map((r) => ({ value: r.key, label: r.name }))], defaultValue: existing?.room?.key ?? '' },
    { name: 'track', label: t('track'), type: 'select', options: [{ value: '', label: t('none') }, ...programme.tracks.map((r) => ({ value: r.key, label: r.name }))], defaultValue: existing?.track?.key ?? '' },
    { name: 'capacity', label: t('capacity'), type: 'number', defaultValue: existing?.capacity?.toString() ?? '' },
    { name: 'language', label: t('language'), defaultValue: existing?.language ?? 'fr' },
    { name: 'guestsWrite', label: t('guestsWrite'), type: 'select', options: opt(['no', 'yes'], (v) => t(`guestsWriteOptions.${v}`)), defaultValue: guestsWrite ? 'yes' : 'no' },
    { name: 'roomQr', label: tRoomQr('setting'), type: 'select', options: opt(['auto', 'guests', 'registration'], (v) => tRoomQr(`settingOptions.${v}`)), defaultValue: settings?.roomQrGuests == null ? 'auto' : settings.roomQrGuests ? 'guests' : 'registration' },
    { name: 'recordingAnnounced', label: t('recordingAnnounced'), type: 'select', options: opt(['no', 'yes'], (v) => t(`recordingAnnouncedOptions.${v}`)), defaultValue: existing?.recordingAnnounced ? 'yes' : 'no' },
    { name: 'autoRecord', label: t('autoRecord'), type: 'select', options: opt(['no', 'yes'], (v) => t(`autoRecordOptions.${v}`)), defaultValue: existing?.autoRecord ? 'yes' : 'no' },
    { name: 'recognisedCaptions', label: t('recognisedCaptions'), type: 'select', options: opt(['no', 'yes'], (v) => t(`recognisedCaptionsOptions.${v}`)), defaultValue: existing?.recognisedCaptions ? 'yes' : 'no' },
    { name: 'diffusion', label: tDiffusion('setting'), hint: tDiffusion('settingHint'), type: 'select', options: opt(DIFFUSION_MODES, (v) => tDiffusion(`settingOptions.${v as DiffusionMode}`)), defaultValue: diffusion.mode },
    { name: 'diffusionAbove', label: tDiffusion('above'), hint: tDiffusion('aboveHint'), type: 'number', defaultValue: diffusion.above?.toString() ?? '' },
    { name: 'description', label: t('description'), type: 'textarea', defaultValue: existing?.description },
  ];
  return (
    <div className="max-w-2xl">
      <BackLink href={`/organize/${slug}`}>{programme.event.title}</BackLink>
      <h1 className="mb-4 mt-2 text-2xl font-bold">{existing ? t('editSession') : t('newSession')}</h1>
      <ActionForm action={saveSessionAction.bind(null, slug, existing?.id ?? null)} fields={fields} submit={t('save')} />
      {existing && <SessionPeople eventSlug={slug} sessionId={existing.id} userId={user.id} notice={sp.granted ? 'granted' : sp.revoked ? 'revoked' : null} />}
      {existing && <SessionPaths eventSlug={slug} sessionId={existing.id} linkedSaved={Boolean(sp.linked)} />}
    </div>
  );
}

/** Who speaks or moderates in this session: the roles given on it, and the form to give one (scoped to the session). */
async function SessionPeople({ eventSlug, sessionId, userId, notice }: { eventSlug: string; sessionId: string; userId: string; notice: 'granted' | 'revoked' | null }) {
  const [grants, t, locale] = await Promise.all([sessionGrants(userId, eventSlug, sessionId), getTranslations('setup'), getLocale()]);
  const roleLabel = (r: string) => (SESSION_GRANT_ROLES as readonly string[]).includes(r) ? t(`roles.${r as 'speaker'}`) : r;
  return (
    <section id="people" aria-labelledby="people-title" className="mt-8 scroll-mt-12 space-y-3 rounded-lg bg-white p-4">
      <h2 id="people-title" className="text-lg font-semibold">
        {t('people')}
      </h2>
      <p className="text-sm text-stone-600">{t('peopleHelp')}</p>
      {notice && <SavedNotice id="people-saved">{t(notice)}</SavedNotice>}
      {grants.length ? (
        <ul className="divide-y divide-stone-200 text-sm" data-testid="session-grants">
          {grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="min-w-0 flex-1 break-words">
                {g.name ? `${g.name} · ` : ''}
                {g.email} — {roleLabel(g.role)}
                {g.lang && ` (${languageName(g.lang, locale)})`}
              </span>
              <ActionForm action={revokeSessionRoleAction.bind(null, eventSlug, sessionId, g.id)} fields={[]} submit={t('revoke')} className="flex" />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">{t('noPeople')}</p>
      )}
      <ActionForm
        action={grantSessionRoleAction.bind(null, eventSlug, sessionId)}
        submit={t('grant')}
        fields={[
          { name: 'email', label: t('email'), required: true },
          { name: 'role', label: t('role'), hint: t('roleHint'), type: 'select', options: SESSION_GRANT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), defaultValue: 'speaker' },
          {
            name: 'lang',
            label: t('interpreterLang'),
            hint: t('interpreterLangHint'),
            type: 'select',
            options: [{ value: '', label: '—' }, ...INTERPRETATION_LANGS.map((l) => ({ value: l, label: languageName(l, locale) }))],
            defaultValue: '',
          },
        ]}
      />
    </section>
  );
}

/** The paths this session belongs to (its agenda on each path page), and its Q&A → meeting report. */
async function SessionPaths({ eventSlug, sessionId, linkedSaved }: { eventSlug: string; sessionId: string; linkedSaved: boolean }) {
  const [all, linked, t] = await Promise.all([listPaths({ all: true }), pathsOfSession(sessionId), getTranslations('paths.editor')]);
  if (!all.length) return null;
  const slugs = all.map((p) => p.slug);
  return (
    <section id="paths" aria-labelledby="paths-title" className="mt-8 space-y-4 rounded-lg bg-white p-4">
      <h2 id="paths-title" className="text-lg font-semibold">
        {t('linkSessions')}
      </h2>
      {linkedSaved && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
          {t('saved')}
        </p>
      )}
      <SessionPathsForm action={linkSessionPathsAction.bind(null, eventSlug, sessionId, slugs)} paths={all} linked={linked.map((p) => p.slug)} />
      <QaReportButton action={qaToReportAction.bind(null, sessionId, `/organize/${eventSlug}/sessions/${sessionId}`)} />
    </section>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTime } from '@/lib/format';
import { localDate } from '@/lib/domain/time';
import { Coordinators } from '@/components/paths/Coordinators';
import { OptionSelect } from '@/components/OptionSelect';
import { Markdown } from '@/components/paths/Markdown';
import { attachmentUrl } from '@/components/paths/PathCard';
import { ResourceCard } from '@/components/paths/ResourceCard';
import { type AgendaSession } from '@/lib/domain/paths';
import { getPathBySlug } from '@/server/paths/get-path';
import { subscriptionOf } from '@/server/paths/get-subscription';
import { RESOURCE_FORMATS, type ResourceFormat } from '@/lib/domain/resources';
import { currentParticipant, currentUser } from '@/server/auth/current';
import { subscribeAction } from './actions';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

type Params = { slug: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const p = await getPathBySlug(slug);
  return {
    title: p?.title ?? 'Chemins',
    description: p?.summary,
    alternates: { types: { 'application/atom+xml': `/api/paths/${slug}/feed.atom` } },
  };
}

/** `/paths/{slug}`: a path's description, coordinators, resources (filterable) and agenda. */
export default async function PathPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const formatParam = one(sp.format);
  const format = RESOURCE_FORMATS.includes(formatParam as ResourceFormat) ? (formatParam as ResourceFormat) : undefined;
  const language = one(sp.language)?.slice(0, 10);
  const user = await currentUser();
  const path = await getPathBySlug(slug, { viewerId: user?.id ?? null, format, language });
  if (!path) notFound();
  const [t, locale, participant] = await Promise.all([getTranslations('paths'), getLocale(), currentParticipant()]);
  const subscription = participant ? await subscriptionOf(slug, { email: participant.email, userId: participant.userId }) : null;
  const filtered = Boolean(format || language);

  const when = (s: AgendaSession) =>
    `${formatDay(localDate(s.startsAt, s.event.timeZone), locale, s.event.timeZone)}, ${formatTime(s.startsAt, locale, s.event.timeZone)}`;
  const sessionItem = (s: AgendaSession, past: boolean) => (
    <li key={s.id} className="py-2" data-session-slug={s.slug}>
      <p className="text-sm tabular-nums text-stone-600 first-letter:uppercase">
        {when(s)} · {s.event.title}
      </p>
      <p className={`font-medium ${s.status === 'cancelled' ? 'line-through' : ''}`}>
        <Link href={`/events/${s.event.slug}/sessions/${s.slug}`}>{s.title}</Link>
      </p>
      {past && s.outputs.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-2 text-sm">
          {s.outputs.map((o) => (
            <li key={o.slug}>
              <Link href={`/resources/${o.slug}`} className="rounded bg-brand-soft px-2 py-0.5 text-brand">
                {o.title.toLowerCase().startsWith((o.format === 'replay' ? t('replay') : t('report')).toLowerCase())
                  ? o.title
                  : `${o.format === 'replay' ? t('replay') : t('report')} : ${o.title}`}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
  /** The upcoming or the past sessions of the agenda under their heading, or the sentence that there are none. */
  const agendaPart = (which: 'upcoming' | 'past', heading: string, none: string, margin: string) => (
    <>
      <h3 className={`${margin} text-sm font-semibold uppercase tracking-wide text-stone-500`}>{heading}</h3>
      {path.agenda[which].length === 0 ? (
        <p className="text-sm text-stone-600">{none}</p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid={`agenda-${which}`}>
          {path.agenda[which].map((s) => sessionItem(s, which === 'past'))}
        </ul>
      )}
    </>
  );

  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[]) => (
    <OptionSelect name={name} label={label} emptyLabel={t('all')} value={value} options={options} />
  );

  return (
    <article className="space-y-8">
      <header>
        <BackLink href="/paths">{t('back')}</BackLink>
        <div className="mt-3 overflow-hidden rounded-xl bg-white shadow-sm">
          {path.coverAttachmentId ? (
            // eslint-disable-next-line @next/next/no-img-element -- served from the database, variants made at upload
            <img src={attachmentUrl(path.coverAttachmentId, 'medium')} alt="" className="max-h-72 w-full object-cover" />
          ) : (
            <div aria-hidden="true" className="h-24 w-full bg-gradient-to-br from-brand to-emerald-600" />
          )}
          <div className="space-y-3 p-5">
            <h1 className="text-2xl font-bold">
              {path.title}
              {path.status !== 'active' && (
                <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 align-middle text-xs font-medium">
                  {path.status === 'draft' ? t('draftPath') : t('archivedPath')}
                </span>
              )}
            </h1>
            {path.summary && <p className="text-lg text-stone-700">{path.summary}</p>}
            <Coordinators list={path.coordinators} />
            <p className="flex flex-wrap gap-3 pt-1 text-sm">
              <Link href={`/paths/${slug}/propose`} className="rounded bg-brand px-3 py-1.5 text-white no-underline hover:no-underline">
                {t('propose')}
              </Link>
              {path.viewer.canEdit && (
                <Link href={`/paths/${slug}/manage`} className="rounded border border-brand px-3 py-1.5 no-underline hover:no-underline" data-testid="manage-link">
                  {t('manage')}
                  {path.viewer.reviewQueueCount > 0 && <span className="ml-1 rounded-full bg-amber-200 px-1.5 text-xs text-amber-950">{path.viewer.reviewQueueCount}</span>}
                </Link>
              )}
            </p>
          </div>
        </div>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-8">
          <Markdown source={path.description} />

          <Section headingId="resources-title" title={t('resources')} headingClassName="text-xl font-bold">
            {(path.facets.formats.length > 1 || path.facets.languages.length > 1 || filtered) && (
              <form method="get" className="mt-3 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3" aria-label={t('filters')}>
                {select('format', t('format'), format, path.facets.formats.map((f) => ({ value: f, label: t(`formats.${f}`) })))}
                {select(
                  'language',
                  t('language'),
                  language,
                  path.facets.languages.map((l) => ({ value: l, label: t.has(`languages.${l}`) ? t(`languages.${l}` as 'languages.fr') : l })),
                )}
                <button type="submit" className="rounded bg-brand px-3 py-1.5 text-sm text-white">
                  {t('apply')}
                </button>
                {filtered && (
                  <Link href={`/paths/${slug}`} className="text-sm">
                    {t('reset')}
                  </Link>
                )}
              </form>
            )}
            {path.resources.length === 0 ? (
              <p className="mt-3 text-stone-600">{filtered ? t('noMatch') : t('noResources')}</p>
            ) : (
              <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="path-resources">
                {path.resources.map((r) => (
                  <ResourceCard key={r.id} resource={r} />
                ))}
              </ul>
            )}
          </Section>
        </div>

        <aside className="space-y-6">
          <Section headingId="agenda-title" title={t('agenda')} headingClassName="text-lg font-bold" className="rounded-lg bg-white p-4 shadow-sm">
            {agendaPart('upcoming', t('upcoming'), t('noUpcoming'), 'mt-3')}
            {agendaPart('past', t('past'), t('noPast'), 'mt-4')}
          </Section>

          <Section headingId="follow-title" title={t('follow')} headingClassName="text-lg font-bold" className="rounded-lg bg-white p-4 shadow-sm">
            <p className="mt-2 text-sm">
              <a href={`/api/paths/${slug}/feed.atom`} data-testid="path-feed">
                {t('feed')}
              </a>
            </p>
            <p className="mt-3 text-sm font-medium">{t('digestLabel')}</p>
            <p className="text-xs text-stone-600">{t('digestHelp')}</p>
            {sp.subscribed || subscription?.active ? (
              <p role="status" className="mt-2 rounded bg-green-50 p-2 text-sm text-green-900">
                {t('digestDone')}
              </p>
            ) : participant ? (
              <form action={subscribeAction.bind(null, slug)} className="mt-2">
                <p className="text-xs text-stone-600">{participant.email}</p>
                <button type="submit" className="mt-1 rounded bg-brand px-3 py-1.5 text-sm text-white">
                  {t('digestSubmit')}
                </button>
              </form>
            ) : (
              <p className="mt-2 text-sm">
                <Link href={`/signin?callbackUrl=/paths/${slug}`}>{t('editor.signIn')}</Link>
              </p>
            )}
          </Section>
        </aside>
      </div>
    </article>
  );
}

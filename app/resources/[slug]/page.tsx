import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatDay } from '@/lib/format';
import { Attachments } from '@/components/paths/Attachments';
import { FormatBadge, LicenceBadge, StatusBadge } from '@/components/paths/Badges';
import { Markdown } from '@/components/paths/Markdown';
import { MediaEmbed } from '@/components/paths/MediaEmbed';
import { authorNames } from '@/components/paths/ResourceCard';
import { getResourceBySlug } from '@/server/paths/get-resource';
import { currentParticipant } from '@/server/auth/current';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { Section } from '@/components/Section';

type Params = { slug: string };

async function load(slug: string) {
  const who = await currentParticipant();
  return getResourceBySlug(slug, { userId: who?.userId ?? null, registrationId: who?.kind === 'registration' ? who.registrationId : null });
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const r = await load((await params).slug);
  return r ? { title: r.title, description: r.summary || undefined, robots: r.status === 'published' ? undefined : { index: false } } : { title: 'Chemins' };
}

/** `/resources/{slug}`: a resource (published, or for its reviewers and proposer). */
export default async function ResourcePage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const r = await load(slug);
  if (!r) notFound();
  const [t, locale, tPrivacy] = await Promise.all([getTranslations('paths'), getLocale(), getTranslations('privacy')]);
  return (
    <article className="space-y-6" data-testid="resource">
      <nav aria-label={t('onPaths')} className="flex flex-wrap gap-3 text-sm">
        {r.paths.map((p) => (
          <Link key={p.id} href={`/paths/${p.slug}`}>
            ← {p.title}
          </Link>
        ))}
      </nav>
      <header className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
        <p className="flex flex-wrap items-center gap-2">
          <FormatBadge format={r.format} />
          {r.status !== 'published' && <StatusBadge status={r.status} />}
          <span className="text-xs uppercase text-stone-500">{t.has(`languages.${r.language}`) ? t(`languages.${r.language}` as 'languages.fr') : r.language}</span>
        </p>
        <h1 className="text-2xl font-bold">{r.title}</h1>
        {r.summary && <p className="text-lg text-stone-700">{r.summary}</p>}
        <p className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-600">
          {r.authors.length > 0 && <span data-testid="authors">{t('by', { names: authorNames(r.authors, tPrivacy('formerParticipant')) })}</span>}
          {r.date && <span>{t('dated', { date: formatDay(r.date, locale, 'UTC') })}</span>}
          {r.publishedAt && <span>{t('published', { date: formatDate(r.publishedAt, locale, DEFAULT_TIME_ZONE) })}</span>}
          <LicenceBadge licence={r.licence} withLabel />
        </p>
        {r.viewer.canEdit && (
          <p className="text-sm">
            <Link href={`/resources/${r.slug}/edit`} data-testid="edit-link">
              {t('editor.edit')}
            </Link>
          </p>
        )}
      </header>

      <MediaEmbed url={r.mediaUrl} title={r.title} />
      <Markdown source={r.body} className="rounded-xl bg-white p-5 shadow-sm" />
      <Attachments files={r.attachments} locale={locale} />

      {r.sessions.length > 0 && (
        <Section headingId="sessions-title" title={t('sessions')} headingClassName="text-lg font-semibold">
          <ul className="mt-2 space-y-1">
            {r.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/events/${s.event.slug}/sessions/${s.slug}`}>{s.title}</Link>{' '}
                <span className="text-sm text-stone-600">— {s.event.title}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}

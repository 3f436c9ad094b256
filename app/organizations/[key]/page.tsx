import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkSection } from '@/components/people/LinkSection';
import { SessionList } from '@/components/people/SessionList';
import { getOrganization } from '@/db/queries/people';

type Params = { key: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const org = await getOrganization((await params).key);
  return { title: org?.name ?? 'Chemins' };
}

/** An organization's public page: its kind and link, its people, sessions across events (its own, its people's for it, its programme's), paths, events. */
export default async function OrganizationPage({ params }: { params: Promise<Params> }) {
  const org = await getOrganization((await params).key);
  if (!org) notFound();
  const [t, tEvent] = await Promise.all([getTranslations('people'), getTranslations('event')]);
  return (
    <article className="max-w-3xl space-y-6" data-testid="organization-page">
      <p className="text-sm">
        <Link href="/">← {t('back')}</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{org.name}</h1>
        <p className="text-stone-700" data-testid="organization-kind">
          {t('kindLabel', { kind: t(`orgKind.${org.kind as 'association'}`) })}
        </p>
        {org.url && (
          <p className="text-sm">
            <a href={org.url} rel="noopener noreferrer">
              {t('website')}
            </a>
          </p>
        )}
        {org.description && <p className="mt-2 whitespace-pre-line">{org.description}</p>}
      </header>
      <LinkSection
        id="events"
        title={t('events')}
        items={org.events.map((e) => ({ id: `${e.slug}:${e.role}`, href: `/events/${e.slug}`, label: e.title, suffix: ` — ${tEvent(`orgRole.${e.role as 'partner'}`)}` }))}
      />
      <LinkSection
        id="members"
        inline
        title={t('members')}
        items={org.people.map((p) => ({ id: p.key ?? p.name, href: p.key ? `/people/${p.key}` : null, label: p.name, suffix: p.title ? ` (${p.title})` : '' }))}
      />
      <section aria-labelledby="sessions">
        <h2 id="sessions" className="mb-2 text-lg font-semibold">
          {t('sessions')}
        </h2>
        <SessionList sessions={org.sessions} />
      </section>
      <LinkSection
        id="paths"
        title={t('paths')}
        items={org.paths.map((p) => ({
          id: `${p.slug}:${p.organization ?? ''}`,
          href: `/paths/${p.slug}`,
          label: p.title,
          suffix: p.organization ? ` (${t('onBehalf', { name: p.organization })})` : '',
        }))}
      />
      <LinkSection id="resources" title={t('resources')} items={org.resources.map((r) => ({ id: r.slug, href: `/resources/${r.slug}`, label: r.title }))} />
    </article>
  );
}

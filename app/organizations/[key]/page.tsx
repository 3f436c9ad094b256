import { getTranslations } from 'next-intl/server';
import { LinkSection } from '@/components/people/LinkSection';
import { ProfileArticle, type ProfileParams, profileOr404, SessionsSection, titledByName } from '@/components/people/Profile';
import { getOrganization } from '@/db/queries/people';

export const generateMetadata = titledByName(getOrganization);

/** An organization's public page: its kind and link, its people, sessions across events (its own, its people's for it, its programme's), paths, events. */
export default async function OrganizationPage({ params }: { params: Promise<ProfileParams> }) {
  const [org, t, tEvent] = await Promise.all([profileOr404(getOrganization, params), getTranslations('people'), getTranslations('event')]);
  return (
    <ProfileArticle testId="organization-page" back={t('back')}>
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
      <SessionsSection title={t('sessions')} sessions={org.sessions} />
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
    </ProfileArticle>
  );
}

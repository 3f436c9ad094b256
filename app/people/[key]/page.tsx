import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LinkSection } from '@/components/people/LinkSection';
import { ProfileArticle, type ProfileParams, profileOr404, SessionsSection, titledByName } from '@/components/people/Profile';
import { getPerson } from '@/db/queries/people';
import { Section } from '@/components/Section';

export const generateMetadata = titledByName(getPerson);

/** A person's public page: short bio, organizations, sessions across events, paths coordinated, resources. */
export default async function PersonPage({ params }: { params: Promise<ProfileParams> }) {
  const [person, t, tEvent] = await Promise.all([profileOr404(getPerson, params), getTranslations('people'), getTranslations('event')]);
  return (
    <ProfileArticle testId="person-page" back={t('back')}>
      <header>
        <h1 className="text-2xl font-bold">{person.name}</h1>
        {person.affiliations.length > 0 && (
          <p className="text-stone-700" data-testid="affiliations">
            {person.affiliations.map((a, i) => (
              <span key={a.key}>
                {i > 0 && ' · '}
                <Link href={`/organizations/${a.key}`}>{a.name}</Link>
                {a.title ? ` (${a.title})` : ''}
              </span>
            ))}
          </p>
        )}
      </header>
      <Section headingId="bio" title={t('bio')} headingClassName="text-lg font-semibold">
        <p className="whitespace-pre-line" data-testid="bio">
          {person.bio || t('noBio')}
        </p>
        {person.links.length > 0 && (
          <ul className="mt-2 text-sm">
            {person.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <SessionsSection title={t('sessions')} sessions={person.sessions} />
      <LinkSection
        id="paths"
        title={t('paths')}
        items={person.paths.map((p) => ({ id: p.slug, href: `/paths/${p.slug}`, label: p.title, suffix: p.organization ? ` (${t('forOrg', { name: p.organization })})` : '' }))}
      />
      <LinkSection
        id="credits"
        title={t('credits')}
        items={person.credits.map((c) => ({
          id: `${c.event.slug}:${c.role}`,
          href: `/events/${c.event.slug}`,
          label: c.event.title,
          suffix: ` — ${tEvent(`orgRole.${c.role as 'graphic_facilitation'}`)}`,
        }))}
      />
      <LinkSection id="resources" title={t('resources')} items={person.resources.map((r) => ({ id: r.slug, href: `/resources/${r.slug}`, label: r.title }))} />
    </ProfileArticle>
  );
}

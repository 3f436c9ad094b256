import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkSection } from '@/components/people/LinkSection';
import { SessionList } from '@/components/people/SessionList';
import { getPerson } from '@/db/queries/people';

type Params = { key: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const person = await getPerson((await params).key);
  return { title: person?.name ?? 'Chemins' };
}

/** A person's public page: short bio, organizations, sessions across events, paths coordinated, resources. */
export default async function PersonPage({ params }: { params: Promise<Params> }) {
  const person = await getPerson((await params).key);
  if (!person) notFound();
  const [t, tEvent] = await Promise.all([getTranslations('people'), getTranslations('event')]);
  return (
    <article className="max-w-3xl space-y-6" data-testid="person-page">
      <p className="text-sm">
        <Link href="/">← {t('back')}</Link>
      </p>
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
      <section aria-labelledby="bio">
        <h2 id="bio" className="text-lg font-semibold">
          {t('bio')}
        </h2>
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
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions" className="mb-2 text-lg font-semibold">
          {t('sessions')}
        </h2>
        <SessionList sessions={person.sessions} />
      </section>
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
    </article>
  );
}

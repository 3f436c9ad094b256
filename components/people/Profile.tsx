import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionList } from '@/components/people/SessionList';
import { BackLink } from '@/components/BackLink';
import { Section } from '@/components/Section';

export type ProfileParams = { key: string };
type Load<T> = (key: string) => Promise<T | null>;

/** `generateMetadata` of a public profile page (a person's, an organization's): its name. */
export const titledByName =
  (load: Load<{ name: string }>) =>
  async ({ params }: { params: Promise<ProfileParams> }): Promise<Metadata> => ({ title: (await load((await params).key))?.name ?? 'Chemins' });

/** The profile of the page's key, or the 404 page. */
export async function profileOr404<T>(load: Load<T>, params: Promise<ProfileParams>): Promise<T> {
  const found = await load((await params).key);
  if (!found) notFound();
  return found;
}

/** A public profile page: back home, then its own header and sections. */
export function ProfileArticle({ testId, back, children }: { testId: string; back: string; children: React.ReactNode }) {
  return (
    <article className="max-w-3xl space-y-6" data-testid={testId}>
      <BackLink href="/">{back}</BackLink>
      {children}
    </article>
  );
}

/** The sessions a profile takes part in, across events. */
export function SessionsSection({ title, sessions }: { title: string; sessions: React.ComponentProps<typeof SessionList>['sessions'] }) {
  return (
    <Section headingId="sessions" title={title} headingClassName="mb-2 text-lg font-semibold">
      <SessionList sessions={sessions} />
    </Section>
  );
}

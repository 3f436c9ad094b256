import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SessionContributors } from '@/lib/domain/people';

/**
 * A session's contributors: people (each linked to their page, with the organization printed for
 * this session) then organizations contributing as such (linked to theirs, marked as organizations).
 */
export async function Contributors({ session, withRoles = false }: { session: SessionContributors; withRoles?: boolean }) {
  if (!session.people.length && !session.organizations.length) return null;
  const [tRole, tPeople] = await Promise.all([getTranslations('role'), getTranslations('people')]);
  const role = (r: string) => (withRoles ? ` — ${tRole(r as 'speaker')}` : '');
  const items = [
    ...session.people.map((p) => (
      <li key={`p:${p.key ?? p.name}:${p.role}`} data-contributor="person">
        {p.key ? <Link href={`/people/${p.key}`} className="link-target">{p.name}</Link> : p.name}
        {p.organization &&
          (p.organizationKey ? (
            <>
              {' ('}
              <Link href={`/organizations/${p.organizationKey}`} className="link-target">{p.organization}</Link>
              {')'}
            </>
          ) : (
            ` (${p.organization})`
          ))}
        {role(p.role)}
      </li>
    )),
    ...session.organizations.map((o) => (
      <li key={`o:${o.key}:${o.role}`} data-contributor="organization">
        <Link href={`/organizations/${o.key}`} className="link-target">{o.name}</Link>
        <span className="sr-only"> ({tPeople('organizationMarker')})</span>
        {role(o.role)}
      </li>
    )),
  ];
  return withRoles ? (
    <ul className="mt-1 space-y-1">{items}</ul>
  ) : (
    <ul className="flex flex-wrap gap-x-1 text-sm text-stone-600 [&>li:not(:last-child)]:after:content-[',']">{items}</ul>
  );
}

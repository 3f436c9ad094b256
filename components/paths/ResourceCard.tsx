import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PathResourceItem } from '@/lib/domain/paths';
import { formerName, nameWithOrganization } from '@/lib/domain/erased';
import { FormatBadge, LicenceBadge, StatusBadge } from './Badges';

/** Authors as printed; an erased author (empty name, docs/privacy.md) is `former` ("ancien·ne participant·e"). */
export const authorNames = (authors: PathResourceItem['authors'], former: string) =>
  authors.map((a) => (a.kind === 'person' ? nameWithOrganization(a, former) : formerName(a.name, former))).join(', ');

/** A resource in a path's list: format, title, summary, authors, language, licence. */
export async function ResourceCard({ resource, showStatus = false }: { resource: PathResourceItem; showStatus?: boolean }) {
  const [t, tPrivacy] = await Promise.all([getTranslations('paths'), getTranslations('privacy')]);
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-resource-slug={resource.slug}>
      <p className="flex flex-wrap items-center gap-2">
        <FormatBadge format={resource.format} />
        {showStatus && <StatusBadge status={resource.status} />}
        <span className="text-xs uppercase text-stone-500" title={t.has(`languages.${resource.language}`) ? t(`languages.${resource.language}` as 'languages.fr') : resource.language}>
          {resource.language}
        </span>
        {resource.date && <span className="text-xs text-stone-500">{resource.date}</span>}
      </p>
      <h3 className="mt-1 font-semibold">
        <Link href={`/resources/${resource.slug}`}>{resource.title}</Link>
      </h3>
      {resource.summary && <p className="mt-1 line-clamp-3 text-sm text-stone-700">{resource.summary}</p>}
      <p className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-stone-600">
        <span>{resource.authors.length > 0 && t('by', { names: authorNames(resource.authors, tPrivacy('formerParticipant')) })}</span>
        <LicenceBadge licence={resource.licence} />
      </p>
    </li>
  );
}

import { getTranslations } from 'next-intl/server';
import { licenceOf } from '@/lib/domain/resources';

const FORMAT_COLOURS: Record<string, string> = {
  replay: 'bg-rose-100 text-rose-900',
  initiative: 'bg-emerald-100 text-emerald-900',
  meeting_report: 'bg-sky-100 text-sky-900',
  interview: 'bg-violet-100 text-violet-900',
  territorial_strategy: 'bg-lime-100 text-lime-900',
  creation: 'bg-fuchsia-100 text-fuchsia-900',
  remote_visit: 'bg-amber-100 text-amber-900',
  document: 'bg-stone-200 text-stone-800',
  link: 'bg-stone-200 text-stone-800',
};

/** A resource's format, as a coloured badge. */
export async function FormatBadge({ format }: { format: string }) {
  const t = await getTranslations('paths.formats');
  return (
    <span data-format={format} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${FORMAT_COLOURS[format] ?? 'bg-stone-200'}`}>
      {t.has(format) ? t(format as 'document') : format}
    </span>
  );
}

/** A resource's licence: its name, linked to its text when it has one. */
export async function LicenceBadge({ licence, withLabel = false }: { licence: string; withLabel?: boolean }) {
  const t = await getTranslations('paths');
  const l = licenceOf(licence);
  const name = l.id === 'all-rights-reserved' ? t('allRightsReserved') : l.name;
  const label = withLabel ? t('licenceLink', { name }) : name;
  const className = 'inline-block rounded border border-stone-300 bg-white px-1.5 py-0.5 text-xs text-stone-700';
  return l.url ? (
    <a href={l.url} rel="license noopener noreferrer" className={className} data-licence={l.id} title={l.name}>
      <span aria-hidden="true" className="mr-1 rounded-sm bg-stone-800 px-0.5 text-[0.6rem] font-bold text-white">
        {l.id.startsWith('CC') ? 'CC' : 'OL'}
      </span>
      {label}
    </a>
  ) : (
    <span className={className} data-licence={l.id}>
      © {label}
    </span>
  );
}

/** A resource's workflow status (editor pages). */
export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations('paths.statuses');
  const colour =
    status === 'published'
      ? 'bg-green-100 text-green-900'
      : status === 'in_review'
        ? 'bg-amber-100 text-amber-900'
        : status === 'declined'
          ? 'bg-red-100 text-red-900'
          : 'bg-stone-200 text-stone-700';
  return (
    <span data-status={status} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${colour}`}>
      {t.has(status) ? t(status as 'draft') : status}
    </span>
  );
}

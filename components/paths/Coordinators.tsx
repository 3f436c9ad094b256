import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Coordinator } from '@/lib/domain/paths';

/** A path's coordinators: people with their organization, organizations and networks shown as such. */
export async function Coordinators({ list, compact = false }: { list: Coordinator[]; compact?: boolean }) {
  if (!list.length) return null;
  const t = await getTranslations('paths');
  if (compact) {
    return (
      <p className="text-xs text-stone-600">
        {t('coordinatorsList', { names: list.map((c) => (c.kind === 'organization' ? c.name : c.organization ? `${c.name} (${c.organization})` : c.name)).join(', ') })}
      </p>
    );
  }
  return (
    <ul className="flex flex-wrap gap-2" data-testid="coordinators">
      {list.map((c) => (
        <li key={`${c.kind}:${c.name}`} className="flex items-center gap-2 rounded-full border border-stone-200 bg-white py-1 pl-1 pr-3 text-sm">
          <span
            aria-hidden="true"
            className={`flex h-7 w-7 items-center justify-center rounded-full text-xs font-bold ${c.kind === 'organization' ? 'rounded-md bg-amber-100 text-amber-900' : 'bg-brand-soft text-brand'}`}
          >
            {c.name
              .split(/\s+/)
              .map((w) => w[0])
              .slice(0, 2)
              .join('')
              .toUpperCase()}
          </span>
          <span>
            {c.key ? (
              <Link href={c.kind === 'organization' ? `/organizations/${c.key}` : `/people/${c.key}`} className="font-medium">
                {c.name}
              </Link>
            ) : (
              <span className="font-medium">{c.name}</span>
            )}
            {c.kind === 'organization' ? (
              <span className="text-stone-500"> · {t('organization')}</span>
            ) : (
              c.organization && <span className="text-stone-500"> · {c.organization}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

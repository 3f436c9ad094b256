import { formerName } from '@/lib/domain/erased';
import { getLocale, getTranslations } from 'next-intl/server';
import type { RevisionView } from '@/lib/domain/resources';
import { formatDateTime } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { revisionFieldLabel } from './revisionFields';
import { Section } from '@/components/Section';

/**
 * A resource's history for its coordinators: who, when, what changed (the fields named as the form
 * names them), and the diff of each change. An author who erased their account is a former participant.
 */
export async function Revisions({ revisions }: { revisions: RevisionView[] }) {
  const [t, tPaths, tPrivacy, locale] = await Promise.all([
    getTranslations('paths.editor'),
    getTranslations('paths'),
    getTranslations('privacy'),
    getLocale(),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, DEFAULT_TIME_ZONE, 'medium');
  // A field an older snapshot had and this version does not know keeps its name rather than vanish.
  const label = (field: string) => {
    const key = revisionFieldLabel(field);
    return key ? tPaths(key) : field;
  };
  return (
    <Section headingId="revisions-title" title={t('revisions')} headingClassName="text-lg font-semibold" className="space-y-2">
      {revisions.length === 0 ? (
        <p className="text-sm text-stone-600">{t('noRevisions')}</p>
      ) : (
        <ol className="space-y-2" data-testid="revisions">
          {revisions.map((r) => (
            <li key={r.id} className="rounded border border-stone-200 bg-white p-3 text-sm">
              <p>
                {t('revision', {
                  version: r.version,
                  action: t.has(`actions.${r.action}`) ? t(`actions.${r.action}` as 'actions.created') : r.action,
                  name: formerName(r.actorName, tPrivacy('formerParticipant')),
                  when: when(r.createdAt),
                })}
              </p>
              {r.note && <p className="mt-1 italic text-stone-700">« {r.note} »</p>}
              {r.changed.length > 0 && <p className="text-stone-600">{t('changed', { fields: r.changed.map(label).join(', ') })}</p>}
              {r.diff.length > 0 && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-brand">{t('diff')}</summary>
                  <dl className="mt-2 space-y-2">
                    {r.diff.map((d) => (
                      <div key={d.field}>
                        <dt className="font-medium">{label(d.field)}</dt>
                        <dd className="whitespace-pre-wrap break-words rounded bg-stone-50 p-2 font-mono text-xs">
                          {d.parts.map((p, i) =>
                            p.added ? (
                              <ins key={i} className="bg-green-100 text-green-900 no-underline">
                                {p.value}
                              </ins>
                            ) : p.removed ? (
                              <del key={i} className="bg-red-100 text-red-900">
                                {p.value}
                              </del>
                            ) : (
                              <span key={i}>{p.value}</span>
                            ),
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

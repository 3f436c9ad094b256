import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatSessionChoice } from '@/lib/format';
import { StatusBadge } from '@/components/paths/Badges';
import { ResourceForm } from '@/components/paths/ResourceForm';
import { Revisions } from '@/components/paths/Revisions';
import type { CatalogueTranslator } from '@/lib/refusal';
import { revisionValueText } from '@/components/paths/revisionFields';
import { TransitionForm } from '@/components/paths/TransitionForm';
import { resourceOptions, uploadsInQuery } from '@/components/paths/options';
import { getPathBySlug } from '@/server/paths/get-path';
import { pendingUploadsOf } from '@/server/paths/list-pending-uploads';
import { getResourceBySlug } from '@/server/paths/get-resource';
import { listRevisions } from '@/server/paths/list-revisions';
import { contentOf, nextStatus, type Transition } from '@/lib/domain/resources';
import { formatAuthors } from '@/lib/paths-form';
import { transitionAction, updateResourceAction } from '@/app/resources/actions';
import { signedInUser } from '@/server/auth/current';

export const metadata: Metadata = { robots: { index: false } };

const TRANSITIONS: Transition[] = ['submit', 'publish', 'decline', 'unpublish', 'archive', 'reopen'];

/** `/resources/{slug}/edit`: the editor of a resource (its paths' coordinators), with its workflow and history. */
export default async function EditResourcePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await signedInUser(`/resources/${slug}/edit`);
  const r = await getResourceBySlug(slug, { userId: user.id });
  if (!r) notFound();
  const [t, tPrivacy, locale, options] = await Promise.all([getTranslations('paths'), getTranslations('privacy'), getLocale(), resourceOptions()]);
  if (!r.viewer.canEdit) {
    return (
      <p role="alert" className="rounded bg-red-50 p-3">
        {t('editor.forbidden')}
      </p>
    );
  }
  const uploads = uploadsInQuery(`/resources/${slug}/edit`, sp);
  const [pending, revisions, paths] = await Promise.all([
    pendingUploadsOf(uploads.ids, { userId: user.id }),
    listRevisions(user.id, r.id, revisionValueText(t as unknown as CatalogueTranslator, tPrivacy('formerParticipant'))),
    Promise.all(r.paths.map((p) => getPathBySlug(p.slug, { viewerId: user.id }))),
  ]);
  // Sessions offered: those of the resource's paths' agendas, plus those already linked.
  const sessionOptions = new Map<string, string>();
  for (const p of paths) {
    for (const s of [...(p?.agenda.past ?? []), ...(p?.agenda.upcoming ?? [])]) {
      sessionOptions.set(s.id, formatSessionChoice(s, locale, s.event.timeZone));
    }
  }
  for (const s of r.sessions) if (!sessionOptions.has(s.id)) sessionOptions.set(s.id, formatSessionChoice(s, locale, s.event.timeZone));
  const allowed = TRANSITIONS.filter((a) => nextStatus(r.status, a) !== null);
  const back = `/resources/${slug}/edit`;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        <p className="flex flex-wrap gap-3 text-sm">
          {r.paths.map((p) => (
            <Link key={p.id} href={`/paths/${p.slug}/manage`}>
              ← {p.title}
            </Link>
          ))}
          <Link href={`/resources/${slug}`}>{t('editor.view')}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t('editor.editResource')} <StatusBadge status={r.status} />
        </h1>
        {sp.saved && (
          <p role="status" className="rounded bg-green-50 p-3 text-green-900">
            {t('editor.saved')}
          </p>
        )}
        {r.proposed && r.proposerName && <p className="text-sm text-stone-600">{t('editor.proposedBy', { name: r.proposerName })}</p>}
        <ResourceForm
          upload={uploads}
          action={updateResourceAction.bind(null, r.id)}
          defaults={{
            ...contentOf(r),
            authors: formatAuthors(r.authors),
            sessionIds: r.sessions.map((s) => s.id),
          }}
          {...options}
          sessions={[...sessionOptions].map(([value, label]) => ({ value, label }))}
          files={[...r.attachments, ...pending]}
          version={r.version}
          submit={t('editor.save')}
        />
      </div>
      <aside className="space-y-6">
        <section aria-labelledby="workflow-title" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="workflow-title" className="mb-2 text-lg font-semibold">
            <StatusBadge status={r.status} /> <span className="text-sm font-normal text-stone-600">{t('editor.version', { version: r.version })}</span>
          </h2>
          <TransitionForm action={transitionAction.bind(null, r.id, back)} actions={allowed} label={r.title} />
        </section>
        <Revisions revisions={revisions} />
      </aside>
    </div>
  );
}

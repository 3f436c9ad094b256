import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FormatBadge, StatusBadge } from '@/components/paths/Badges';
import { TransitionForm } from '@/components/paths/TransitionForm';
import { getPathBySlug } from '@/server/paths/get-path';
import { reviewQueue } from '@/server/paths/review-queue';
import { transitionAction, updatePathAction } from '@/app/resources/actions';
import { PathForm } from '@/components/paths/PathForm';
import { ResourceOrder } from '@/components/paths/ResourceOrder';
import { UploadForm } from '@/components/paths/UploadForm';
import { uploadsInQuery } from '@/components/paths/options';
import { pendingUploadsOf } from '@/server/paths/list-pending-uploads';
import { signedInUser } from '@/server/auth/current';
import { formatDate } from '@/lib/format';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { Forbidden } from '@/components/Forbidden';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

export const metadata: Metadata = { robots: { index: false } };

/** `/paths/{slug}/manage`: the coordinators' page — review queue, then every resource of the path in its order. */
export default async function ManagePathPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await signedInUser(`/paths/${slug}/manage`);
  const path = await getPathBySlug(slug, { viewerId: user.id, includeUnpublished: true });
  if (!path) notFound();
  const [t, locale] = await Promise.all([getTranslations('paths'), getLocale()]);
  if (!path.viewer.canEdit) {
    return <Forbidden title={t('editor.title')} message={t('editor.forbidden')} className="mt-2 rounded bg-red-50 p-3" />;
  }
  const uploads = uploadsInQuery(`/paths/${slug}/manage`, sp);
  const [queue, covers] = await Promise.all([reviewQueue(user.id, slug), pendingUploadsOf(uploads.ids.slice(-1), { userId: user.id })]);
  const newCover = covers.find((c) => c.variants.includes('thumb')) ?? null;
  const back = `/paths/${slug}/manage`;
  const day = (d: Date) => formatDate(d, locale, DEFAULT_TIME_ZONE, 'medium');
  return (
    <div className="space-y-8">
      <header>
        <BackLink href={`/paths/${slug}`}>{path.title}</BackLink>
        <h1 className="mt-2 text-2xl font-bold">
          {t('editor.title')} — {path.title}
        </h1>
        <p className="mt-3">
          <Link href={`/paths/${slug}/resources/new`} className="rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline">
            {t('editor.newResource')}
          </Link>
        </p>
      </header>
      {sp.saved && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t('editor.saved')}
        </p>
      )}

      <section aria-labelledby="queue-title">
        <h2 id="queue-title" className="text-xl font-bold">
          {t('editor.queue')} <span className="text-base font-normal text-stone-600">({queue.length})</span>
        </h2>
        {queue.length === 0 ? (
          <p className="mt-2 text-stone-600">{t('editor.queueEmpty')}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="review-queue">
            {queue.map((q) => (
              <li key={q.id} className="grid gap-3 rounded-lg border border-amber-200 bg-white p-4 sm:grid-cols-[minmax(0,1fr)_18rem]" data-resource-slug={q.slug}>
                <div>
                  <p className="flex flex-wrap items-center gap-2">
                    <FormatBadge format={q.format} />
                    <span className="text-xs text-stone-500">{day(q.createdAt)}</span>
                  </p>
                  <h3 className="mt-1 font-semibold">
                    <Link href={`/resources/${q.slug}`}>{q.title}</Link>
                  </h3>
                  {q.proposed && q.proposerName && <p className="text-sm text-stone-600">{t('editor.proposedBy', { name: q.proposerName })}</p>}
                  {q.summary && <p className="mt-1 line-clamp-3 text-sm">{q.summary}</p>}
                  <p className="mt-1 text-sm">
                    <Link href={`/resources/${q.slug}/edit`}>{t('editor.edit')}</Link>
                  </p>
                </div>
                <TransitionForm action={transitionAction.bind(null, q.id, back)} actions={['publish', 'decline']} label={q.title} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <details className="rounded-lg bg-white p-4" open={Boolean(newCover || uploads.error)}>
        <summary className="cursor-pointer text-lg font-semibold">{t('editor.editPath')}</summary>
        <div className="mt-3 grid max-w-3xl gap-4">
          <UploadForm next={uploads.next} error={uploads.error} />
          <PathForm
            action={updatePathAction.bind(null, slug)}
            defaults={{ title: path.title, summary: path.summary, description: path.description, status: path.status }}
            hasCover={Boolean(path.coverAttachmentId)}
            newCover={newCover}
          />
        </div>
      </details>

      <Section headingId="order-title" title={t('editor.allResources')} headingClassName="text-xl font-bold" id="order">
        {path.resources.length === 0 ? (
          <p className="mt-2 text-stone-600">{t('noResources')}</p>
        ) : (
          <ResourceOrder
            pathSlug={slug}
            items={path.resources.map((r) => ({
              id: r.id,
              slug: r.slug,
              title: r.title,
              row: (
                <>
                  <span className="min-w-0 flex-1">
                    <Link href={`/resources/${r.slug}`} className="font-medium">
                      {r.title}
                    </Link>{' '}
                    <FormatBadge format={r.format} /> <StatusBadge status={r.status} />
                  </span>
                  <Link href={`/resources/${r.slug}/edit`} className="text-sm">
                    {t('editor.edit')}
                  </Link>
                </>
              ),
            }))}
          />
        )}
      </Section>
    </div>
  );
}

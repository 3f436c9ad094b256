import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatSessionChoice } from '@/lib/format';
import { ResourceForm } from '@/components/paths/ResourceForm';
import { resourceOptions, uploadsInQuery } from '@/components/paths/options';
import { getPathBySlug } from '@/server/paths/get-path';
import { pendingUploadsOf } from '@/server/paths/list-pending-uploads';
import { createResourceAction } from '@/app/resources/actions';
import { signedInUser } from '@/server/auth/current';
import { BackLink } from '@/components/BackLink';

export const metadata: Metadata = { robots: { index: false } };

/** `/paths/{slug}/resources/new`: a coordinator's new resource (files first, then the form). */
export default async function NewResourcePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await signedInUser(`/paths/${slug}/resources/new`);
  const path = await getPathBySlug(slug, { viewerId: user.id });
  if (!path) notFound();
  const [t, locale, options] = await Promise.all([getTranslations('paths'), getLocale(), resourceOptions()]);
  if (!path.viewer.canEdit) {
    return (
      <p role="alert" className="rounded bg-red-50 p-3">
        {t('editor.forbidden')}
      </p>
    );
  }
  const uploads = uploadsInQuery(`/paths/${slug}/resources/new`, sp);
  const files = await pendingUploadsOf(uploads.ids, { userId: user.id });
  const sessions = [...path.agenda.past, ...path.agenda.upcoming].map((s) => ({
    value: s.id,
    label: formatSessionChoice(s, locale, s.event.timeZone),
  }));
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={`/paths/${slug}/manage`}>{path.title}</BackLink>
      <h1 className="text-2xl font-bold">{t('editor.newResource')}</h1>
      <ResourceForm
        upload={uploads}
        action={createResourceAction.bind(null, slug)}
        defaults={{ format: 'initiative', language: path.language, licence: 'CC-BY-SA-4.0' }}
        {...options}
        sessions={sessions}
        files={files}
        allowPublish
        submit={t('editor.save')}
      />
    </div>
  );
}

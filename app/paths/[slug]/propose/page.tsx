import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ResourceForm } from '@/components/paths/ResourceForm';
import { resourceOptions, uploadsInQuery } from '@/components/paths/options';
import { getPathBySlug } from '@/server/paths/get-path';
import { pendingUploadsOf } from '@/server/paths/list-pending-uploads';
import { proposeAction } from '@/app/resources/actions';
import { currentParticipant } from '@/server/auth/current';
import { BackLink } from '@/components/BackLink';

export const metadata: Metadata = { robots: { index: false } };

/** `/paths/{slug}/propose`: the medialab — anybody signed in, or a registrant through their personal link, proposes a resource. */
export default async function ProposePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const [path, who, t] = await Promise.all([getPathBySlug(slug), currentParticipant(), getTranslations('paths')]);
  if (!path || path.status !== 'active') notFound();
  const uploads = uploadsInQuery(`/paths/${slug}/propose`, sp);
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={`/paths/${slug}`}>{path.title}</BackLink>
      <h1 className="text-2xl font-bold">{t('proposeForm.title')}</h1>
      {sp.sent ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900" data-testid="proposal-sent">
          {t('proposeForm.done')}
        </p>
      ) : !who ? (
        <p className="rounded bg-stone-100 p-3">
          {t('proposeForm.signIn')}{' '}
          <Link href={`/signin?callbackUrl=/paths/${slug}/propose`}>{t('editor.signIn')}</Link>
        </p>
      ) : (
        <>
          <p className="text-stone-700">{t('proposeForm.intro', { path: path.title })}</p>
          <p className="text-sm text-stone-600">{t('proposeForm.as', { name: `${who.name} <${who.email}>` })}</p>
          <ResourceForm
            upload={uploads}
            action={proposeAction.bind(null, slug)}
            defaults={{ format: 'initiative', language: path.language, licence: 'CC-BY-SA-4.0' }}
            {...(await resourceOptions())}
            files={await pendingUploadsOf(uploads.ids, { userId: who.userId, registrationId: who.kind === 'registration' ? who.registrationId : null })}
            submit={t('proposeForm.submit')}
          />
        </>
      )}
    </div>
  );
}

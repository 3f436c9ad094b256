import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { proposalFields } from '@/components/calls/proposal-fields';
import { ActionForm } from '@/components/organize/ActionForm';
import { publicCall } from '@/server/calls/get-public-call';
import { signedInUser } from '@/server/auth/current';
import { submitProposalAction } from '../../actions';
import { BackLink } from '@/components/BackLink';

/** `/calls/{call}/propose`: the proposal form (signed in, call open). */
export default async function ProposePage({ params }: { params: Promise<{ call: string }> }) {
  const { call: slug } = await params;
  await signedInUser(`/calls/${slug}/propose`);
  const call = await publicCall(slug);
  if (!call) notFound();
  const [t, tSetup] = await Promise.all([getTranslations('calls'), getTranslations('setup')]);
  return (
    <div className="max-w-2xl">
      <BackLink href={`/calls/${slug}`}>{call.title}</BackLink>
      <h1 className="mb-2 mt-2 text-2xl font-bold">{t('formTitle', { call: call.title })}</h1>
      <p className="mb-4 text-sm text-stone-600">{t('cofacilitatorsHelp')}</p>
      {call.phase !== 'open' ? (
        <p role="alert">{t(`phase.${call.phase}`)}</p>
      ) : (
        <ActionForm action={submitProposalAction.bind(null, slug)} fields={proposalFields(t, tSetup, call)} submit={t('submit')} />
      )}
    </div>
  );
}

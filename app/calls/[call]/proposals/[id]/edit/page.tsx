import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { proposalFields } from '@/components/calls/proposal-fields';
import { ActionForm } from '@/components/organize/ActionForm';
import { proposalPath } from '@/lib/domain/calls';
import { proposalView } from '@/server/calls/get-proposal-view';
import { signedInUser } from '@/server/auth/current';
import { reviseProposalAction } from '../../../../actions';
import { BackLink } from '@/components/BackLink';

/** `/calls/{call}/proposals/{id}/edit`: the proposer edits (until the call closes); each save is a revision. */
export default async function EditProposalPage({ params }: { params: Promise<{ call: string; id: string }> }) {
  const { call: slug, id } = await params;
  const user = await signedInUser(`${proposalPath(slug, id)}/edit`);
  const view = await proposalView(id, user);
  if (!view || view.call.slug !== slug || !view.isProposer || !view.privateData) notFound();
  const [t, tSetup] = await Promise.all([getTranslations('calls'), getTranslations('setup')]);
  const p = view.proposal;
  return (
    <div className="max-w-2xl">
      <BackLink href={proposalPath(slug, id)}>{p.title}</BackLink>
      <h1 className="mb-4 mt-2 text-2xl font-bold">{t('editTitle', { title: p.title })}</h1>
      {!view.editable ? (
        <p role="alert">{view.phase === 'closed' ? t('phase.closed') : t(`status.${p.status}`)}</p>
      ) : (
        <ActionForm
          action={reviseProposalAction.bind(null, slug, id)}
          fields={proposalFields(t, tSetup, view.call, { ...p, ...view.privateData })}
          submit={t('save')}
        />
      )}
    </div>
  );
}

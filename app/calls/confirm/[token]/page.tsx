import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { invitation } from '@/server/calls/get-invitation';
import { confirmFacilitatorAction } from '../../actions';

export const metadata: Metadata = { robots: { index: false } };

/** `/calls/confirm/{token}`: a co-facilitator confirms their part (a button: a link alone changes nothing). */
export default async function ConfirmPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await params;
  const sp = await searchParams;
  const [t, tEdit, inv] = await Promise.all([getTranslations('calls'), getTranslations('edit'), invitation(token)]);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('confirmTitle')}</h1>
      {sp.error === 'rate_limited' && <p role="alert">{tEdit('errors.rate_limited')}</p>}
      {!inv ? (
        <p role="alert">{t('unknownToken')}</p>
      ) : inv.confirmedAt ? (
        <p role="status">{t('confirmed')}</p>
      ) : (
        <>
          <p>{t('confirmText', { proposer: inv.proposer, title: inv.title, call: inv.call })}</p>
          <form action={confirmFacilitatorAction.bind(null, token)}>
            <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
              {t('confirmButton')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

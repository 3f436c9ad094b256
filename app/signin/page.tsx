import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/SignInForm';
import { mailState } from '@/lib/config';
import { sitePath } from '@/lib/security/paths';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('signIn') };
}

/** Only same-site paths are accepted as the place to return to after signing in. */
function safeCallback(v: string | string[] | undefined): string {
  return sitePath(Array.isArray(v) ? v[0] : v) ?? '/';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const t = await getTranslations('signin');
  const mail = mailState();
  if (mail === 'unavailable') {
    // No mail can leave this server: say so, rather than offer a link that never comes.
    return (
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p role="alert" data-testid="mail-unavailable" className="mt-3 rounded bg-amber-50 p-3 text-amber-900">
          {t('mailUnavailable')}
        </p>
      </div>
    );
  }
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      {sp.error && (
        <p role="alert" className="mt-3 rounded bg-red-50 p-3 text-red-800">
          {/* next-auth's codes: `Verification` is a used or expired link; the others, a link not sent. */}
          {sp.error === 'Verification' ? t('error') : t('sendFailed')}
        </p>
      )}
      <SignInForm callbackUrl={safeCallback(sp.callbackUrl)} />
      {mail === 'log' && <p className="mt-6 text-sm text-stone-500">{t('devHint')}</p>}
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/SignInForm';
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
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      {sp.error && (
        <p role="alert" className="mt-3 rounded bg-red-50 p-3 text-red-800">
          {t('error')}
        </p>
      )}
      <SignInForm callbackUrl={safeCallback(sp.callbackUrl)} />
      {process.env.NODE_ENV !== 'production' && !process.env.SMTP_URL && (
        <p className="mt-6 text-sm text-stone-500">{t('devHint')}</p>
      )}
    </div>
  );
}
